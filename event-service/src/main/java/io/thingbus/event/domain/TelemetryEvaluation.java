package io.thingbus.event.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the rules of a batch of telemetry points, in the order the points were read, and stores the outcome
 * (rule states, alerts, queued notifications, alert records) in one transaction. Each point is judged by the rules of
 * the channel its device's telemetry goes to ({@link TelemetryRoutes}), as the directory knows it when the batch is
 * evaluated; the rules of other channels never see it. A batch read again after a crash changes nothing twice: each
 * rule remembers the last position it evaluated. Thread-safe.
 */
public final class TelemetryEvaluation {

    private final EvaluationStore store;
    private final ChannelDirectory directory;
    private final AlertComposer composer;

    public TelemetryEvaluation(EvaluationStore store, ChannelDirectory directory, AlertComposer composer) {
        this.store = store;
        this.directory = directory;
        this.composer = composer;
    }

    /**
     * @param readings the batch, in the order it was read
     * @return the alerts the batch fired
     * @throws StoreUnavailableException when the database fails; nothing was stored, so the batch may be retried
     */
    public List<NewAlert> evaluate(List<Reading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<Observation> points = routed(readings);
        Set<ChannelRef> channels = new LinkedHashSet<>();
        points.forEach(point -> channels.add(new ChannelRef(point.tenant(), point.channel())));
        return store.evaluate(channels, rules -> apply(rules, points)).alerts();
    }

    private List<Observation> routed(List<Reading> readings) {
        Set<DeviceKey> devices = new HashSet<>();
        readings.forEach(reading -> devices.add(reading.deviceKey()));
        TelemetryRoutes routes = directory.routes(devices);
        return readings.stream().map(r -> r.in(routes.channelOf(r.tenant(), r.device()))).toList();
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
