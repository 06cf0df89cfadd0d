package io.thingbus.event.domain;

import java.util.List;
import java.util.Map;

/**
 * What evaluating rules produced, to be stored in one transaction: the rules whose state changed, and the new alerts
 * with their queued notifications.
 */
public record Evaluation(Map<EventId, RuleState> changedStates, List<NewAlert> alerts) {

    public Evaluation {
        changedStates = Map.copyOf(changedStates);
        alerts = List.copyOf(alerts);
    }

    public boolean isEmpty() {
        return changedStates.isEmpty() && alerts.isEmpty();
    }
}
