package io.thingbus.command.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.command.domain.StateOutcome;
import io.thingbus.command.domain.StateReport;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters of the state consumer (Prometheus names in brackets):
 * <ul>
 *   <li>{@code thingbus.command.state.records} with {@code kind} = {@code device}, {@code session-event},
 *       {@code stale-session-event}, {@code subdevice-event}, {@code stale-subdevice-event}, {@code rpc-answer},
 *       {@code late-rpc-answer}, {@code unmatched-rpc-answer} or {@code ignored-device-request}
 *       [{@code thingbus_command_state_records_total}]: records applied (stale events are about a connection that is
 *       no longer current; unmatched answers name no open RPC; ignored device requests are of other types);</li>
 *   <li>{@code thingbus.command.state.rejected} with {@code reason} = {@code malformed-record} (does not follow its
 *       topic's schema) or {@code invalid-record} (unusable fields): records skipped;</li>
 *   <li>{@code thingbus.command.state.store.failures}: batches the database failed, each retried;</li>
 *   <li>the Kafka consumer's own metrics ({@code kafka.consumer.*}, e.g. records lag), bound by a
 *       {@link io.thingbus.kafka.ConsumerMetricsBinding}.</li>
 * </ul>
 * Thread-safe.
 */
public final class StateMetrics {

    private final MeterRegistry registry;
    private final Map<StateOutcome, Counter> outcomes = new EnumMap<>(StateOutcome.class);
    private final Counter ignored;
    private final Counter malformed;
    private final Counter invalid;
    private final Counter storeFailures;

    public StateMetrics(MeterRegistry registry) {
        this.registry = registry;
        outcomes.put(StateOutcome.DEVICE_STORED, records("device"));
        outcomes.put(StateOutcome.SESSION_APPLIED, records("session-event"));
        outcomes.put(StateOutcome.SESSION_STALE, records("stale-session-event"));
        Counter subdeviceEvents = records("subdevice-event");
        outcomes.put(StateOutcome.SUBDEVICE_CONNECTED, subdeviceEvents);
        outcomes.put(StateOutcome.SUBDEVICE_DISCONNECTED, subdeviceEvents);
        outcomes.put(StateOutcome.SUBDEVICE_STALE, records("stale-subdevice-event"));
        outcomes.put(StateOutcome.RPC_ANSWERED, records("rpc-answer"));
        outcomes.put(StateOutcome.RPC_ANSWERED_LATE, records("late-rpc-answer"));
        outcomes.put(StateOutcome.RPC_UNMATCHED, records("unmatched-rpc-answer"));
        this.ignored = records("ignored-device-request");
        this.malformed = rejected("malformed-record");
        this.invalid = rejected("invalid-record");
        this.storeFailures = Counter.builder("thingbus.command.state.store.failures")
                .description("Batches of device and session records the database failed; each is retried")
                .register(registry);
    }

    void applied(StateReport report) {
        report.outcomes().forEach((outcome, count) -> outcomes.get(outcome).increment(count));
    }

    void ignored(int count) {
        ignored.increment(count);
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
                .description("Device, session, sub-device and RPC answer records applied to the service's state")
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
