package io.thingbus.event.domain;

/** What makes a rule fire: a field's value meeting a comparison, or a device being silent for a while. */
public sealed interface Condition permits ThresholdCondition, NoDataCondition {

    /** For people: {@code temp > 30}, {@code no data for 15 minutes}. */
    String describe();
}
