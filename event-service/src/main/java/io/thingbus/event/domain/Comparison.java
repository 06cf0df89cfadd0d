package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A comparison of a value with a threshold or a range. {@link #isTrue} is when a rule fires; {@link #isClear} is when
 * it re-arms: the opposite condition, moved by the hysteresis towards the safe side, so that a value hovering at the
 * threshold does not fire again and again. Between the two (the hysteresis band) nothing changes. Immutable.
 *
 * @param threshold the threshold of {@code > >= < <= == !=}; null for a range
 * @param low the lower bound of {@code outside}/{@code inside} (included in the range); null otherwise
 * @param high the upper bound of {@code outside}/{@code inside} (included in the range); null otherwise
 */
public record Comparison(Operator operator, BigDecimal threshold, BigDecimal low, BigDecimal high) {

    public Comparison {
        Objects.requireNonNull(operator, "operator");
        if (operator.isRange()) {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (threshold != null || low.compareTo(high) >= 0) {
                throw new IllegalArgumentException("a range needs low < high and no threshold");
            }
        } else if (threshold == null || low != null || high != null) {
            throw new IllegalArgumentException(operator.symbol() + " needs a threshold and no range");
        }
    }

    public static Comparison threshold(Operator operator, BigDecimal threshold) {
        return new Comparison(operator, threshold, null, null);
    }

    public static Comparison range(Operator operator, BigDecimal low, BigDecimal high) {
        return new Comparison(operator, null, low, high);
    }

    /** Whether the value meets the condition, which makes an armed rule fire. */
    public boolean isTrue(BigDecimal value) {
        return switch (operator) {
            case GREATER -> value.compareTo(threshold) > 0;
            case GREATER_OR_EQUAL -> value.compareTo(threshold) >= 0;
            case LESS -> value.compareTo(threshold) < 0;
            case LESS_OR_EQUAL -> value.compareTo(threshold) <= 0;
            case EQUAL -> value.compareTo(threshold) == 0;
            case NOT_EQUAL -> value.compareTo(threshold) != 0;
            case OUTSIDE -> value.compareTo(low) < 0 || value.compareTo(high) > 0;
            case INSIDE -> value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
        };
    }

    /** Whether the value is clearly back to normal (by at least {@code hysteresis} ≥ 0), which re-arms a rule. */
    public boolean isClear(BigDecimal value, BigDecimal hysteresis) {
        return switch (operator) {
            case GREATER -> value.compareTo(threshold.subtract(hysteresis)) <= 0;
            case GREATER_OR_EQUAL -> value.compareTo(threshold.subtract(hysteresis)) < 0;
            case LESS -> value.compareTo(threshold.add(hysteresis)) >= 0;
            case LESS_OR_EQUAL -> value.compareTo(threshold.add(hysteresis)) > 0;
            case EQUAL -> value.compareTo(threshold) != 0;
            case NOT_EQUAL -> value.compareTo(threshold) == 0;
            case OUTSIDE -> value.compareTo(low.add(hysteresis)) >= 0 && value.compareTo(high.subtract(hysteresis)) <= 0;
            case INSIDE -> value.compareTo(low.subtract(hysteresis)) < 0 || value.compareTo(high.add(hysteresis)) > 0;
        };
    }

    /** For people: {@code temp > 30}, {@code temp outside [10, 20]}. */
    public String describe(FieldName field) {
        if (operator.isRange()) {
            return field + " " + operator.symbol() + " [" + low.toPlainString() + ", " + high.toPlainString() + "]";
        }
        return field + " " + operator.symbol() + " " + threshold.toPlainString();
    }
}
