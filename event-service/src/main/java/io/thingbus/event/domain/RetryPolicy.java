package io.thingbus.event.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How often and when a failed notification is tried again: at most {@code maxAttempts} attempts in all; the pause
 * after the first failure is {@code initialBackoff} and doubles after each further one, up to {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff-initial must be positive and backoff-max at least as long");
        }
    }

    /**
     * @param attempts the attempts made so far, the failed one included
     * @param now when the failed attempt ended
     */
    public DeliveryResult afterFailure(int attempts, DeliveryException failure, Instant now) {
        if (failure.permanent() || attempts >= maxAttempts) {
            return new DeliveryResult.Failed(now, failure.getMessage());
        }
        return new DeliveryResult.Retry(now, now.plus(pauseAfter(attempts)), failure.getMessage());
    }

    /** The pause after the {@code attempts}-th failure. */
    Duration pauseAfter(int attempts) {
        Duration pause = initialBackoff;
        for (int i = 1; i < attempts && pause.compareTo(maxBackoff) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
