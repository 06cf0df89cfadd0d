package io.thingbus.event.domain;

import java.util.List;
import java.util.Objects;

/** A rule, its evaluation state and its latest alerts with their notification outcomes. */
public record RuleDetails(WatchedRule watched, List<AlertOutcome> recentAlerts) {

    public RuleDetails {
        Objects.requireNonNull(watched, "watched");
        recentAlerts = List.copyOf(recentAlerts);
    }
}
