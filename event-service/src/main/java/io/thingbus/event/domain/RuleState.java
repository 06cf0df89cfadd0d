package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a rule's evaluation stands. Immutable; each change returns a new state.
 *
 * @param armed whether the rule may fire (it is disarmed by firing and re-armed by a clear value, or for a no-data
 *        rule by data)
 * @param activeSince when the rule was created or last changed: points older than this are not judged by it, and a
 *        no-data rule's silence is measured from here at the earliest
 * @param lastValue the last value of the rule's field (threshold rules), if any
 * @param lastPointAt the time of the last point the rule looked at, if any
 * @param lastFiredAt when the rule last fired, if it did since it was last changed
 * @param position the last telemetry record evaluated, if any
 */
public record RuleState(boolean armed, Instant activeSince, Optional<BigDecimal> lastValue,
        Optional<Instant> lastPointAt, Optional<Instant> lastFiredAt, Optional<StreamPosition> position) {

    public RuleState {
        Objects.requireNonNull(activeSince, "activeSince");
        Objects.requireNonNull(lastValue, "lastValue");
        Objects.requireNonNull(lastPointAt, "lastPointAt");
        Objects.requireNonNull(lastFiredAt, "lastFiredAt");
        Objects.requireNonNull(position, "position");
    }

    /** The state of a rule created or changed at {@code time}: armed, with nothing seen yet. */
    public static RuleState fresh(Instant time) {
        return new RuleState(true, time, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    RuleState at(StreamPosition next) {
        return new RuleState(armed, activeSince, lastValue, lastPointAt, lastFiredAt, Optional.of(next));
    }

    RuleState seen(Optional<BigDecimal> value, Instant time) {
        Instant latest = lastPointAt.filter(t -> t.isAfter(time)).orElse(time);
        return new RuleState(armed, activeSince, value.or(() -> lastValue), Optional.of(latest), lastFiredAt, position);
    }

    RuleState fired(Instant time) {
        return new RuleState(false, activeSince, lastValue, lastPointAt, Optional.of(time), position);
    }

    RuleState rearmed() {
        return new RuleState(true, activeSince, lastValue, lastPointAt, lastFiredAt, position);
    }

    /** When a no-data rule's silence began: the last point, but never before {@code activeSince}. */
    public Instant silentSince() {
        return lastPointAt.filter(t -> t.isAfter(activeSince)).orElse(activeSince);
    }
}
