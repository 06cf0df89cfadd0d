package io.thingbus.command.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.thingbus.command.domain.StateReport;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The meters of the state consumer (Prometheus names in brackets):
 * <ul>
 *   <li>{@code thingbus.command.state.records} with {@code kind} = {@code device}, {@code session-event} or
 *       {@code stale-session-event} [{@code thingbus_command_state_records_total}]: records applied (stale session
 *       events are about a connection that is no longer current, and change nothing);</li>
 *   <li>{@code thingbus.command.state.rejected} with {@code reason} = {@code malformed-record} (does not follow its
 *       topic's schema) or {@code invalid-record} (unusable fields): records skipped;</li>
 *   <li>{@code thingbus.command.state.store.failures}: batches the database failed, each retried;</li>
 *   <li>the Kafka consumer's own metrics ({@code kafka.consumer.*}, e.g. records lag).</li>
 * </ul>
 * Thread-safe.
 */
public final class StateMetrics {

    private final MeterRegistry registry;
    private final Counter devices;
    private final Counter sessionEvents;
    private final Counter staleSessionEvents;
    private final Counter malformed;
    private final Counter invalid;
    private final Counter storeFailures;

    public StateMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.devices = records("device");
        this.sessionEvents = records("session-event");
        this.staleSessionEvents = records("stale-session-event");
        this.malformed = rejected("malformed-record");
        this.invalid = rejected("invalid-record");
        this.storeFailures = Counter.builder("thingbus.command.state.store.failures")
                .description("Batches of device and session records the database failed; each is retried")
                .register(registry);
    }

    /** Binds the Kafka client's metrics; close the result when the client closes. */
    AutoCloseable bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        return clientMetrics;
    }

    void applied(StateReport report) {
        devices.increment(report.devices());
        sessionEvents.increment(report.sessionEvents());
        staleSessionEvents.increment(report.staleSessionEvents());
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

    private Counter records(String kind) {
        return Counter.builder("thingbus.command.state.records")
                .description("Device and session records applied to the service's state")
                .tag("kind", kind)
                .register(registry);
    }

    private Counter rejected(String reason) {
        return Counter.builder("thingbus.command.state.rejected")
                .description("Device and session records skipped because they are not usable")
                .tag("reason", reason)
                .register(registry);
    }
}
