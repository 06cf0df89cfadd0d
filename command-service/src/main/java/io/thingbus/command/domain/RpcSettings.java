package io.thingbus.command.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits and rhythms of server-side RPC; checked when the service starts.
 *
 * @param defaultTimeout the timeout of an RPC that names none
 * @param maxTimeout the longest timeout a caller may ask for (a two-way call holds its HTTP request that long)
 * @param defaultExpiry the expiry of an RPC that names none
 * @param maxExpiry the longest expiry a caller may ask for
 * @param maxPayloadBytes the largest downlink an RPC may make (the gateway's {@code v1/gateway/rpc} message)
 * @param dispatchLease how long an instance that is sending an RPC owns it; after a failed send it is retried then
 * @param answerPollInterval how often a waiting call re-reads its RPC besides being notified of the answer
 * @param dispatchBatchSize the most queued RPCs one sweep sends
 * @param retention how long finished RPCs are kept
 */
public record RpcSettings(Duration defaultTimeout, Duration maxTimeout, Duration defaultExpiry, Duration maxExpiry,
        int maxPayloadBytes, Duration dispatchLease, Duration answerPollInterval, int dispatchBatchSize,
        Duration retention) {

    /** The shortest timeout and expiry a caller may ask for. */
    public static final Duration MIN_DURATION = Duration.ofMillis(100);

    /** @throws IllegalArgumentException naming the {@code thingbus.command.rpc.*} property that is unusable */
    public RpcSettings {
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        Objects.requireNonNull(maxExpiry, "maxExpiry");
        Objects.requireNonNull(dispatchLease, "dispatchLease");
        Objects.requireNonNull(answerPollInterval, "answerPollInterval");
        Objects.requireNonNull(retention, "retention");
        requireWithin("default-timeout", defaultTimeout, MIN_DURATION, maxTimeout);
        requireWithin("default-expiry", defaultExpiry, MIN_DURATION, maxExpiry);
        requirePositive("dispatch-lease", dispatchLease);
        requirePositive("answer-poll-interval", answerPollInterval);
        requirePositive("retention", retention);
        if (maxPayloadBytes < 1 || dispatchBatchSize < 1) {
            throw new IllegalArgumentException(
                    "thingbus.command.rpc.max-payload-bytes and dispatch-batch-size must be at least 1");
        }
    }

    /**
     * The timeout to use: the requested one, or the default.
     *
     * @throws InvalidRpcException (field {@code timeout_ms}) outside 100 ms to {@code maxTimeout}
     */
    public Duration timeout(Optional<Duration> requested) {
        return requested.map(t -> within("timeout_ms", t, maxTimeout)).orElse(defaultTimeout);
    }

    /**
     * The expiry to use: the requested one, or the default.
     *
     * @throws InvalidRpcException (field {@code expiry_ms}) outside 100 ms to {@code maxExpiry}
     */
    public Duration expiry(Optional<Duration> requested) {
        return requested.map(e -> within("expiry_ms", e, maxExpiry)).orElse(defaultExpiry);
    }

    private static Duration within(String field, Duration value, Duration max) {
        if (value.compareTo(MIN_DURATION) < 0 || value.compareTo(max) > 0) {
            throw new InvalidRpcException(field, field + " must be from " + MIN_DURATION.toMillis() + " to "
                    + max.toMillis());
        }
        return value;
    }

    private static void requireWithin(String property, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("thingbus.command.rpc." + property + " must be from " + min
                    + " to the matching max-* setting (" + max + "); got " + value);
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("thingbus.command.rpc." + property + " must be positive");
        }
    }
}
