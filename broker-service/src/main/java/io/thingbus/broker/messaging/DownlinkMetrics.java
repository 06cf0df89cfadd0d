package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.broker.domain.DownlinkSkipReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code thingbus_broker_downlinks_total{outcome, reason}}: {@code published/none}, {@code skipped/<reason>}
 * (malformed, expired, unknown_token, token_not_valid, invalid_topic, client_required, unknown_client,
 * client_not_valid, not_subscribed) and {@code failed/broker} (HiveMQ did not take the message over; it is retried).
 * Every series is registered up front so that it shows at 0. Thread-safe.
 */
final class DownlinkMetrics {

    private static final String NAME = "thingbus.broker.downlinks";
    private static final String HELP = "Downlink records by outcome: published to the MQTT sessions of this instance, "
            + "skipped with the reason, or failed (retried)";

    private final Counter published;
    private final Counter failed;
    private final Map<DownlinkSkipReason, Counter> skipped = new EnumMap<>(DownlinkSkipReason.class);

    DownlinkMetrics(MeterRegistry registry) {
        published = counter(registry, "published", "none");
        failed = counter(registry, "failed", "broker");
        for (DownlinkSkipReason reason : DownlinkSkipReason.values()) {
            skipped.put(reason, counter(registry, "skipped", reason.label()));
        }
    }

    void published() {
        published.increment();
    }

    void failed() {
        failed.increment();
    }

    void skipped(DownlinkSkipReason reason) {
        skipped.get(reason).increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(NAME).tag("outcome", outcome).tag("reason", reason).description(HELP).register(registry);
    }
}
