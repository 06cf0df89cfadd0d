package io.thingbus.event.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the rules of a batch of telemetry points, in the order the points were read, and stores the outcome
 * (rule states, alerts, queued notifications, alert records) in one transaction. A batch read again after a crash
 * changes nothing twice: each rule remembers the last position it evaluated. Thread-safe.
 */
public final class TelemetryEvaluation {

    private final EvaluationStore store;
    private final AlertComposer composer;

    public TelemetryEvaluation(EvaluationStore store, AlertComposer composer) {
        this.store = store;
        this.composer = composer;
    }

    /**
     * @return the alerts the batch fired
     * @throws StoreUnavailableException when the database fails; nothing was stored, so the batch may be retried
     */
    public List<NewAlert> evaluate(List<Observation> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        Set<ChannelRef> channels = new LinkedHashSet<>();
        points.forEach(point -> channels.add(new ChannelRef(point.tenant(), point.channel())));
        return store.evaluate(channels, rules -> apply(rules, points)).alerts();
    }

    private Evaluation apply(List<WatchedRule> rules, List<Observation> points) {
        Map<ChannelRef, List<Rule>> rulesByChannel = new HashMap<>();
        Map<EventId, RuleState> states = new LinkedHashMap<>();
        for (WatchedRule watched : rules) {
            Rule rule = watched.rule();
            rulesByChannel.computeIfAbsent(new ChannelRef(rule.tenant(), rule.definition().channel()),
                    channel -> new ArrayList<>()).add(rule);
            states.put(rule.id(), watched.state());
        }
        List<NewAlert> alerts = new ArrayList<>();
        for (Observation point : points) {
            for (Rule rule : rulesByChannel.getOrDefault(new ChannelRef(point.tenant(), point.channel()), List.of())) {
                RuleEvaluator.Outcome outcome = RuleEvaluator.evaluate(rule, states.get(rule.id()), point);
                states.put(rule.id(), outcome.state());
                outcome.firing().ifPresent(firing -> alerts.add(composer.compose(firing)));
            }
        }
        return new Evaluation(changed(rules, states), alerts);
    }

    static Map<EventId, RuleState> changed(List<WatchedRule> before, Map<EventId, RuleState> after) {
        Map<EventId, RuleState> changed = new HashMap<>();
        for (WatchedRule watched : before) {
            RuleState now = after.get(watched.rule().id());
            if (!now.equals(watched.state())) {
                changed.put(watched.rule().id(), now);
            }
        }
        return changed;
    }
}
