package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code thingbus_broker_attribute_pushes_total{outcome, reason}}: shared attribute updates pushed to gateways of this
 * instance — {@code published/none} (one per gateway message), {@code skipped/not_subscribed} (the gateway has no
 * subscription to {@code v1/gateway/attributes}), {@code skipped/malformed} (a record that does not follow its schema)
 * and {@code failed/broker} (HiveMQ did not take the message over; it is retried). Updates of devices no gateway here
 * has connected are not counted. Every series is registered up front so that it shows at 0. Thread-safe.
 */
final class AttributePushMetrics {

    private static final String NAME = "thingbus.broker.attribute.pushes";
    private static final String HELP = "Shared attribute updates pushed to gateways on this instance, by outcome";

    private final Counter published;
    private final Counter notSubscribed;
    private final Counter malformed;
    private final Counter failed;

    AttributePushMetrics(MeterRegistry registry) {
        published = counter(registry, "published", "none");
        notSubscribed = counter(registry, "skipped", "not_subscribed");
        malformed = counter(registry, "skipped", "malformed");
        failed = counter(registry, "failed", "broker");
    }

    void published() {
        published.increment();
    }

    void notSubscribed() {
        notSubscribed.increment();
    }

    void malformed() {
        malformed.increment();
    }

    void failed() {
        failed.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(NAME).tag("outcome", outcome).tag("reason", reason).description(HELP).register(registry);
    }
}
