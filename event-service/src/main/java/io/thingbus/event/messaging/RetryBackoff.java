package io.thingbus.event.messaging;

import java.time.Duration;

/** Exponential backoff: the first pause, then doubling up to a maximum, until {@link #reset()}. Not thread-safe. */
final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    RetryBackoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The pause to wait now; the following one is twice as long, at most the maximum. */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    void reset() {
        next = initial;
    }
}
