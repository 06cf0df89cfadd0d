package io.thingbus.session.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of the lifecycle consumer (Prometheus names in brackets):
 * <ul>
 *   <li>{@code thingbus.session.lifecycle.events} with {@code outcome} = {@code applied} or {@code stale}
 *       [{@code thingbus_session_lifecycle_events_total}]: events applied to the view, and events about a connection
 *       that is no longer current (ignored);</li>
 *   <li>{@code thingbus.session.lifecycle.rejected} with {@code reason} = {@code malformed-record} (not a session
 *       event) or {@code invalid-event} (a session or sub-device event with unusable fields): records skipped;</li>
 *   <li>{@code thingbus.session.store.failures}: batches the database failed, each retried;</li>
 *   <li>the Kafka consumer's own metrics ({@code kafka.consumer.*}, e.g. records lag), bound by a
 *       {@link io.thingbus.kafka.ConsumerMetricsBinding}.</li>
 * </ul>
 * Thread-safe.
 */
public final class LifecycleMetrics {

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter stale;
    private final Counter malformed;
    private final Counter invalid;
    private final Counter storeFailures;

    public LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.applied = events("applied");
        this.stale = events("stale");
        this.malformed = rejected("malformed-record");
        this.invalid = rejected("invalid-event");
        this.storeFailures = Counter.builder("thingbus.session.store.failures")
                .description("Batches of lifecycle records the database failed; each is retried").register(registry);
    }

    void applied(int appliedEvents, int staleEvents) {
        applied.increment(appliedEvents);
        stale.increment(staleEvents);
    }

    void malformed() {
        malformed.increment();
    }

    void invalid() {
        invalid.increment();
    }

    void storeFailed() {
        storeFailures.increment();
    }

    private Counter events(String outcome) {
        return Counter.builder("thingbus.session.lifecycle.events")
                .description("Lifecycle events consumed: applied to the view, or stale (an older connection's)")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter rejected(String reason) {
        return Counter.builder("thingbus.session.lifecycle.rejected")
                .description("Lifecycle records skipped because they are not usable session or sub-device events")
                .tag("reason", reason)
                .register(registry);
    }
}
