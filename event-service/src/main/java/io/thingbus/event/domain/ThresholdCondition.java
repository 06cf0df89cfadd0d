package io.thingbus.event.domain;

import java.util.Objects;

/** Fires when a point's {@code field} meets the comparison. Points without that field, or with a non-number, are skipped. */
public record ThresholdCondition(FieldName field, Comparison comparison) implements Condition {

    public ThresholdCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(comparison, "comparison");
    }

    @Override
    public String describe() {
        return comparison.describe(field);
    }
}
