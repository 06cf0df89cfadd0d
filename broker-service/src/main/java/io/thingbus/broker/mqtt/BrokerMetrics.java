package io.thingbus.broker.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.broker.domain.AuthenticationFailure;
import io.thingbus.broker.domain.GatewayTopic;
import io.thingbus.broker.domain.RefusalReason;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The edge's counters, registered up front so that every series is visible at 0 in {@code /q/metrics}:
 * <ul>
 * <li>{@code thingbus_broker_publishes_total{outcome, reason}}: {@code forwarded/none}, {@code failed/kafka},
 * {@code failed/internal}, {@code refused/<reason>} (foreign_token, topic_not_allowed, invalid_topic,
 * invalid_json_payload, token_revoked);</li>
 * <li>{@code thingbus_broker_connections_total{outcome, reason}}: {@code accepted/none}, {@code refused/<failure>};</li>
 * <li>{@code thingbus_broker_subscriptions_total{outcome}}: {@code granted}, {@code refused};</li>
 * <li>{@code thingbus_broker_gateway_entries_skipped_total{topic}}: invalid entries left out of gateway batches
 * ({@code telemetry}, {@code attributes}, {@code claim}) whose valid entries were forwarded.</li>
 * </ul>
 * A gateway publish counts once in {@code publishes_total}, however many records it became.
 * Thread-safe and non-blocking.
 */
@Singleton
public class BrokerMetrics {

    private static final String PUBLISHES = "thingbus.broker.publishes";
    private static final String CONNECTIONS = "thingbus.broker.connections";
    private static final String SUBSCRIPTIONS = "thingbus.broker.subscriptions";
    private static final String GATEWAY_ENTRIES_SKIPPED = "thingbus.broker.gateway.entries.skipped";
    private static final String NONE = "none";
    private static final String PUBLISHES_HELP =
            "Device publishes by outcome: forwarded (stored in Kafka), failed (not stored) or refused, with the reason";
    private static final String CONNECTIONS_HELP = "MQTT connection attempts by outcome, with the refusal reason";
    private static final String SUBSCRIPTIONS_HELP = "Topic filters subscribed to by outcome";

    private final Counter forwarded;
    private final Counter failedKafka;
    private final Counter failedInternal;
    private final Map<RefusalReason, Counter> refused = new EnumMap<>(RefusalReason.class);
    private final Counter accepted;
    private final Map<AuthenticationFailure, Counter> connectionsRefused = new EnumMap<>(AuthenticationFailure.class);
    private final Counter subscriptionsGranted;
    private final Counter subscriptionsRefused;
    private final Map<GatewayTopic, Counter> gatewayEntriesSkipped = new EnumMap<>(GatewayTopic.class);

    BrokerMetrics(MeterRegistry registry) {
        forwarded = counter(registry, PUBLISHES, "forwarded", NONE, PUBLISHES_HELP);
        failedKafka = counter(registry, PUBLISHES, "failed", "kafka", PUBLISHES_HELP);
        failedInternal = counter(registry, PUBLISHES, "failed", "internal", PUBLISHES_HELP);
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(reason, counter(registry, PUBLISHES, "refused", reason.label(), PUBLISHES_HELP));
        }
        accepted = counter(registry, CONNECTIONS, "accepted", NONE, CONNECTIONS_HELP);
        for (AuthenticationFailure failure : AuthenticationFailure.values()) {
            connectionsRefused.put(failure,
                    counter(registry, CONNECTIONS, "refused", failure.label(), CONNECTIONS_HELP));
        }
        subscriptionsGranted = Counter.builder(SUBSCRIPTIONS).tag("outcome", "granted")
                .description(SUBSCRIPTIONS_HELP).register(registry);
        subscriptionsRefused = Counter.builder(SUBSCRIPTIONS).tag("outcome", "refused")
                .description(SUBSCRIPTIONS_HELP).register(registry);
        for (GatewayTopic topic : List.of(GatewayTopic.TELEMETRY, GatewayTopic.ATTRIBUTES, GatewayTopic.CLAIM)) {
            gatewayEntriesSkipped.put(topic, Counter.builder(GATEWAY_ENTRIES_SKIPPED).tag("topic", topic.label())
                    .description("Invalid entries left out of gateway batches whose valid entries were forwarded")
                    .register(registry));
        }
    }

    void forwarded() {
        forwarded.increment();
    }

    void failedInKafka() {
        failedKafka.increment();
    }

    void failedInternally() {
        failedInternal.increment();
    }

    void refused(RefusalReason reason) {
        refused.get(reason).increment();
    }

    void connectionAccepted() {
        accepted.increment();
    }

    void connectionRefused(AuthenticationFailure failure) {
        connectionsRefused.get(failure).increment();
    }

    void subscription(boolean granted) {
        (granted ? subscriptionsGranted : subscriptionsRefused).increment();
    }

    void gatewayEntriesSkipped(GatewayTopic topic, int count) {
        Counter counter = gatewayEntriesSkipped.get(topic);
        if (counter != null) {
            counter.increment(count);
        }
    }

    private static Counter counter(MeterRegistry registry, String name, String outcome, String reason,
            String description) {
        return Counter.builder(name).tag("outcome", outcome).tag("reason", reason).description(description)
                .register(registry);
    }
}
