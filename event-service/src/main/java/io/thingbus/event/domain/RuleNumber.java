package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Checks a number a rule holds (threshold, bounds, hysteresis): at most 30 digits before and 15 after the decimal
 * point, kept exactly as given ({@code 20.50} stays {@code 20.50}); an exponent form such as {@code 1e3} becomes
 * {@code 1000}.
 */
public final class RuleNumber {

    public static final int MAX_INTEGER_DIGITS = 30;
    public static final int MAX_FRACTION_DIGITS = 15;

    private RuleNumber() {
    }

    /** @throws IllegalArgumentException when the number is out of range */
    public static BigDecimal of(BigDecimal value) {
        Objects.requireNonNull(value, "number");
        BigDecimal plain = value.scale() < 0 ? value.setScale(0) : value;
        if (plain.scale() > MAX_FRACTION_DIGITS || plain.precision() - plain.scale() > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("must have at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_FRACTION_DIGITS + " after the decimal point");
        }
        return plain;
    }
}
