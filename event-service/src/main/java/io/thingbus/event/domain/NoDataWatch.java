package io.thingbus.event.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fires the no-data rules of channels that have gone silent. Only channels some registered device writes to are
 * watched (a deleted channel, or one whose devices were deleted or now write elsewhere, is not), and a channel's
 * silence is counted from no earlier than when its current devices started writing to it. Several instances may check
 * at once: each rule is examined by one of them at a time. Thread-safe.
 */
public final class NoDataWatch {

    private final EvaluationStore store;
    private final AlertComposer composer;
    private final Clock clock;
    private final int batchSize;

    public NoDataWatch(EvaluationStore store, AlertComposer composer, Clock clock, int batchSize) {
        this.store = store;
        this.composer = composer;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Checks every due rule now.
     *
     * @param watchingSince since when this service has read telemetry without interruption; silence is never counted
     *        from before it
     * @return the alerts fired
     * @throws StoreUnavailableException when the database fails; what was stored before stays stored
     */
    public List<NewAlert> check(Instant watchingSince) {
        List<NewAlert> fired = new ArrayList<>();
        int examined;
        int firedNow;
        do {
            Instant now = clock.instant();
            List<Integer> count = new ArrayList<>(1);
            Evaluation evaluation = store.evaluateSilent(now, watchingSince, batchSize, rules -> {
                count.add(rules.size());
                return fire(rules, now, watchingSince);
            });
            fired.addAll(evaluation.alerts());
            examined = count.isEmpty() ? 0 : count.get(0);
            firedNow = evaluation.alerts().size();
        } while (examined == batchSize && firedNow > 0);
        return fired;
    }

    private Evaluation fire(List<SilenceCandidate> candidates, Instant now, Instant watchingSince) {
        Map<EventId, RuleState> changed = new HashMap<>();
        List<NewAlert> alerts = new ArrayList<>();
        for (SilenceCandidate candidate : candidates) {
            WatchedRule watched = candidate.watched();
            Instant since = later(watchingSince, candidate.writersSince());
            RuleEvaluator.Outcome outcome = RuleEvaluator.checkSilence(watched.rule(), watched.state(), now, since);
            outcome.firing().ifPresent(firing -> {
                changed.put(watched.rule().id(), outcome.state());
                alerts.add(composer.compose(firing));
            });
        }
        return new Evaluation(changed, alerts);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
