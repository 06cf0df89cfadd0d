package io.thingbus.event.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.NewAlert;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.NotificationDispatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's meters (Prometheus names):
 * <ul>
 *   <li>{@code thingbus_event_telemetry_records_total}: telemetry records evaluated and committed;</li>
 *   <li>{@code thingbus_event_malformed_records_total{topic}}: records skipped because they break their
 *       contract;</li>
 *   <li>{@code thingbus_event_device_records_total}: device registry records applied;</li>
 *   <li>{@code thingbus_event_channel_records_total}: channel records applied;</li>
 *   <li>{@code thingbus_event_alerts_fired_total{kind="threshold"|"no_data"}}: rule firings stored;</li>
 *   <li>{@code thingbus_event_notifications_total{outcome="sent"|"retried"|"failed"}}: delivery attempts;</li>
 *   <li>{@code thingbus_event_alert_records_published_total}: alert records Kafka acknowledged;</li>
 *   <li>{@code thingbus_event_background_failures_total{task}}: rounds of background work that failed and are
 *       retried ({@code notifications}, {@code alert-relay}, {@code no-data}, {@code retention}).</li>
 * </ul>
 * Thread-safe.
 */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;
    private final Counter telemetryRecords;
    private final Counter deviceRecords;
    private final Counter channelRecords;
    private final Counter alertRecordsPublished;
    private final Map<String, Counter> malformed = new HashMap<>();
    private final Map<String, Counter> fired = new HashMap<>();
    private final Map<String, Counter> notifications = new HashMap<>();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.telemetryRecords = Counter.builder("thingbus.event.telemetry.records")
                .description("Telemetry records evaluated and committed").register(registry);
        this.deviceRecords = Counter.builder("thingbus.event.device.records")
                .description("Device registry records applied to the channel directory").register(registry);
        this.channelRecords = Counter.builder("thingbus.event.channel.records")
                .description("Channel records applied to the channel directory").register(registry);
        this.alertRecordsPublished = Counter.builder("thingbus.event.alert.records.published")
                .description("Alert records Kafka acknowledged").register(registry);
        for (String topic : List.of(Topics.TELEMETRY, Topics.DEVICES, Topics.CHANNELS)) {
            malformed.put(topic, Counter.builder("thingbus.event.malformed.records")
                    .description("Records skipped because they do not follow their documented schema")
                    .tag("topic", topic).register(registry));
        }
        for (String kind : List.of("threshold", "no_data")) {
            fired.put(kind, Counter.builder("thingbus.event.alerts.fired").description("Rule firings stored")
                    .tag("kind", kind).register(registry));
        }
        for (String outcome : List.of("sent", "retried", "failed")) {
            notifications.put(outcome, Counter.builder("thingbus.event.notifications")
                    .description("Notification delivery attempts by outcome").tag("outcome", outcome)
                    .register(registry));
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    void telemetryRecords(int count) {
        telemetryRecords.increment(count);
    }

    void deviceRecords(int count) {
        deviceRecords.increment(count);
    }

    void channelRecords(int count) {
        channelRecords.increment(count);
    }

    void malformed(String topic) {
        malformed.get(topic).increment();
    }

    void fired(List<NewAlert> alerts) {
        for (NewAlert alert : alerts) {
            fired.get(alert.alert().condition() instanceof NoDataCondition ? "no_data" : "threshold").increment();
        }
    }

    void delivered(NotificationDispatch.Round round) {
        notifications.get("sent").increment(round.sent());
        notifications.get("retried").increment(round.retried());
        notifications.get("failed").increment(round.failed());
    }

    void published(int count) {
        alertRecordsPublished.increment(count);
    }

    void backgroundFailure(String task) {
        Counter.builder("thingbus.event.background.failures")
                .description("Rounds of background work that failed; each is retried")
                .tag("task", task).register(registry).increment();
    }
}
