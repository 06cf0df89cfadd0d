package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Fires when the channel (of the rule's tag, if it has one) received no point for {@code minutes}: a device gone
 * silent. Minutes may have a fraction ({@code 0.5} = 30 s), from more than 0 up to {@value #MAX_MINUTES} (30 days).
 */
public record NoDataCondition(BigDecimal minutes) implements Condition {

    public static final int MAX_MINUTES = 43_200;

    public NoDataCondition {
        Objects.requireNonNull(minutes, "minutes");
        minutes = RuleNumber.of(minutes);
        if (minutes.signum() <= 0 || minutes.compareTo(BigDecimal.valueOf(MAX_MINUTES)) > 0) {
            throw new IllegalArgumentException("must be more than 0 and at most " + MAX_MINUTES + " minutes");
        }
    }

    /** The silence that fires the rule, to the millisecond (at least 1 ms). */
    public Duration silence() {
        long millis = minutes.multiply(BigDecimal.valueOf(60_000)).setScale(0, RoundingMode.CEILING).longValueExact();
        return Duration.ofMillis(Math.max(1, millis));
    }

    @Override
    public String describe() {
        return "no data for " + minutes.stripTrailingZeros().toPlainString() + " minutes";
    }
}
