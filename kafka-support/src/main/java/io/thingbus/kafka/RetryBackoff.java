package io.thingbus.kafka;

import java.time.Duration;
import java.util.Objects;

/** Exponential backoff: the first pause, then doubling up to a maximum, until {@link #reset()}. Not thread-safe. */
public final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public RetryBackoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max");
        }
        this.next = initial;
    }

    /** The pause to wait now; the following one is twice as long, at most the maximum. */
    public Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    public void reset() {
        next = initial;
    }
}
