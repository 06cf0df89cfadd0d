package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The pure transition of a rule's state: what one point does to it, and whether a silence fires it. No clock, no I/O;
 * the same inputs give the same result.
 */
public final class RuleEvaluator {

    /** The rule's state after the input, and the firing it caused, if any. */
    public record Outcome(RuleState state, Optional<Firing> firing) {

        static Outcome unchanged(RuleState state) {
            return new Outcome(state, Optional.empty());
        }
    }

    private RuleEvaluator() {
    }

    /**
     * Applies one point. A point the rule already evaluated (same partition, not a later offset), a point of another
     * channel or tag, and a point older than {@link RuleState#activeSince()} change nothing but the position. A point
     * of the rule's channel counts whichever device sent it; a firing names that device.
     */
    public static Outcome evaluate(Rule rule, RuleState state, Observation point) {
        if (!concerns(rule, point) || state.position().filter(p -> !point.position().isAfter(p)).isPresent()) {
            return Outcome.unchanged(state);
        }
        RuleState current = state.at(point.position());
        if (point.time().isBefore(current.activeSince())) {
            return Outcome.unchanged(current);
        }
        if (rule.definition().condition() instanceof ThresholdCondition threshold) {
            return compare(rule, threshold, current, point);
        }
        return Outcome.unchanged(current.seen(Optional.empty(), point.time()).rearmed());
    }

    /**
     * Whether a no-data rule fires at {@code now}: it is armed and has seen no point for its silence, counted from the
     * later of {@link RuleState#silentSince()} and {@code watchingSince} (since when this service has been reading
     * telemetry without interruption and the rule's channel has had its current devices: a gap in reading is not a gap
     * in the device's data, and a device that just started writing to the channel has not been silent there). A
     * firing names the channel's device ({@link Rule#device()}).
     */
    public static Outcome checkSilence(Rule rule, RuleState state, Instant now, Instant watchingSince) {
        if (!rule.definition().enabled() || !state.armed()
                || !(rule.definition().condition() instanceof NoDataCondition noData)) {
            return Outcome.unchanged(state);
        }
        Instant since = state.silentSince().isAfter(watchingSince) ? state.silentSince() : watchingSince;
        if (now.isBefore(since.plus(noData.silence()))) {
            return Outcome.unchanged(state);
        }
        return new Outcome(state.fired(now),
                Optional.of(new Firing(rule, rule.device(), Optional.empty(), state.lastPointAt(), now)));
    }

    private static boolean concerns(Rule rule, Observation point) {
        RuleDefinition definition = rule.definition();
        return definition.enabled() && rule.tenant().equals(point.tenant())
                && definition.channel().equals(point.channel()) && definition.watchesTag(point.tag());
    }

    private static Outcome compare(Rule rule, ThresholdCondition condition, RuleState state, Observation point) {
        Optional<BigDecimal> value = point.fields().value(condition.field());
        if (value.isEmpty()) {
            return Outcome.unchanged(state);
        }
        RuleState seen = state.seen(value, point.time());
        Comparison comparison = condition.comparison();
        Rearm rearm = rule.definition().rearm();
        if (seen.armed() && comparison.isTrue(value.get()) && intervalOver(seen, rearm, point.time())) {
            Firing firing = new Firing(rule, point.device(), value, Optional.of(point.time()), point.time());
            return new Outcome(seen.fired(point.time()), Optional.of(firing));
        }
        if (!seen.armed() && comparison.isClear(value.get(), rearm.hysteresis())) {
            return Outcome.unchanged(seen.rearmed());
        }
        return Outcome.unchanged(seen);
    }

    private static boolean intervalOver(RuleState state, Rearm rearm, Instant time) {
        return state.lastFiredAt().map(last -> !time.isBefore(last.plus(rearm.minInterval()))).orElse(true);
    }
}
