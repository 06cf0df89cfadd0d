package io.thingbus.broker.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The topics of the ThingsBoard MQTT gateway API. Every gateway of every tenant uses these same strings, so the edge
 * never lets the broker deliver a gateway's publish to other clients: publishes become Kafka records only, and
 * messages to a gateway are published by the platform to that one client.
 *
 * <p>Pure and thread-safe.
 */
public enum GatewayTopic {
    /** A sub-device connected to the gateway: {@code {"device":"Device A","type":"thermostat"}}. */
    CONNECT("v1/gateway/connect", true, false),
    /** A sub-device disconnected from the gateway: {@code {"device":"Device A"}}. */
    DISCONNECT("v1/gateway/disconnect", true, false),
    /** Telemetry of several sub-devices, batched. */
    TELEMETRY("v1/gateway/telemetry", true, false),
    /** Client attributes of several sub-devices (publish); shared attribute updates (subscribe). */
    ATTRIBUTES("v1/gateway/attributes", true, true),
    /** A request for attribute values of one sub-device. */
    ATTRIBUTES_REQUEST("v1/gateway/attributes/request", true, false),
    /** The answers to attribute requests (subscribe only). */
    ATTRIBUTES_RESPONSE("v1/gateway/attributes/response", false, true),
    /** Server-side RPC: requests to sub-devices (subscribe), their answers (publish). */
    RPC("v1/gateway/rpc", true, true),
    /** Claiming windows for several sub-devices. */
    CLAIM("v1/gateway/claim", true, false);

    /** The first two levels of every gateway topic. */
    public static final String NAMESPACE = "v1/gateway";

    /**
     * The first level shared by every tenant's ThingsBoard-style topics ({@code v1/gateway/...}, later
     * {@code v1/device/...}): a platform message to such a topic must name the one client it is for.
     */
    private static final String SHARED_PREFIX = "v1/";

    private final String topic;
    private final boolean publishedByGateways;
    private final boolean subscribedByGateways;

    GatewayTopic(String topic, boolean publishedByGateways, boolean subscribedByGateways) {
        this.topic = topic;
        this.publishedByGateways = publishedByGateways;
        this.subscribedByGateways = subscribedByGateways;
    }

    /** The MQTT topic name. */
    public String topic() {
        return topic;
    }

    /** The name in metrics: {@code connect}, {@code telemetry}, {@code attributes_request}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code topic} is in the gateway namespace ({@code v1/gateway} or below); never throws. */
    public static boolean isGatewayTopic(String topic) {
        return topic.equals(NAMESPACE) || topic.startsWith(NAMESPACE + "/");
    }

    /** The gateway topic a gateway may publish to with this name, or empty. */
    public static Optional<GatewayTopic> publishedAs(String topic) {
        return Arrays.stream(values()).filter(t -> t.publishedByGateways && t.topic.equals(topic)).findFirst();
    }

    /**
     * Whether a client may subscribe to {@code filter} as a gateway: exactly {@code v1/gateway/attributes},
     * {@code v1/gateway/attributes/response} or {@code v1/gateway/rpc} (no wildcards, no shared subscriptions).
     */
    public static boolean allowsSubscription(String filter) {
        return Arrays.stream(values()).anyMatch(t -> t.subscribedByGateways && t.topic.equals(filter));
    }

    /**
     * Whether a topic is one every tenant's clients use ({@code v1/...}): a platform message to it must be delivered
     * to one named client, never to every subscriber.
     */
    public static boolean isSharedByTenants(String topic) {
        return topic.startsWith(SHARED_PREFIX);
    }
}
