package io.thingbus.contracts;

/**
 * Every Kafka topic of the suite, named once. Topics are a public API: each is described in
 * {@code docs/api/kafka.md} and {@code docs/api/asyncapi.yaml}. A breaking change makes a new versioned topic.
 */
public final class Topics {

    /** Device telemetry, one record per accepted publish (and per device of a gateway batch). Key: {@link DeviceKey}. */
    public static final String TELEMETRY = "thingbus.telemetry.v1";

    /** Compacted: device tokens by {@link SecretHash}; a tombstone revokes. Written by device-service. */
    public static final String DEVICE_CREDENTIALS = "thingbus.device-credentials.v1";

    /** Compacted: API keys by {@link SecretHash}; a tombstone revokes. Written by device-service. */
    public static final String API_KEYS = "thingbus.api-keys.v1";

    /** Compacted: the device registry, latest state per {@link DeviceKey}; a tombstone deletes. */
    public static final String DEVICES = "thingbus.devices.v1";

    /** Compacted: the channels (time-series stores) by {@code <tenant>/<channel id>}; a tombstone deletes. Written by stream-service. */
    public static final String CHANNELS = "thingbus.channels.v1";

    /**
     * MQTT session lifecycle: connects, disconnects, subscriptions, as the broker saw them. Key: {@code <tenant>/<client id>}.
     * Written by broker-service; read by session-service and command-service.
     */
    public static final String LIFECYCLE = "thingbus.lifecycle.v1";

    /**
     * Delivery requests to devices (downlink): payload plus MQTT metadata; the broker instance holding the device's
     * session delivers. Key: {@link DeviceKey}. Written by command-service (publish API, RPC) and device-service
     * (attribute responses); read by every broker-service instance.
     */
    public static final String DOWNLINK = "thingbus.downlink.v1";

    /**
     * Attribute updates (ThingsBoard's client-side attributes from devices and gateways, shared attributes set by
     * users). Key: {@link DeviceKey}. Written by broker-service (client scope) and device-service (shared scope).
     */
    public static final String ATTRIBUTES = "thingbus.attributes.v1";

    /**
     * What devices ask of the platform or answer to it: attribute requests, RPC responses, claim requests — one
     * record type each. Key: {@link DeviceKey}. Written by broker-service; read by device-service and command-service.
     */
    public static final String DEVICE_REQUESTS = "thingbus.device-requests.v1";

    /**
     * Compacted: devices another user claimed away from their owner, by the former {@link DeviceKey}; a tombstone
     * means the former owner has the device again. Written by device-service; read by broker-service, which puts what
     * a former owner's gateway sends for a claimed device under the claimer.
     */
    public static final String DEVICE_CLAIMS = "thingbus.device-claims.v1";

    /** Threshold-rule firings and their notification outcomes. Key: {@link DeviceKey}. Written by event-service. */
    public static final String ALERTS = "thingbus.alerts.v1";

    /** Every topic of the suite with how it is created; deployment tooling creates them before services start. */
    public static final java.util.List<TopicSpec> ALL = java.util.List.of(
            new TopicSpec(TELEMETRY, false),
            new TopicSpec(DEVICE_CREDENTIALS, true),
            new TopicSpec(API_KEYS, true),
            new TopicSpec(DEVICES, true),
            new TopicSpec(CHANNELS, true),
            new TopicSpec(LIFECYCLE, false),
            new TopicSpec(DOWNLINK, false),
            new TopicSpec(ATTRIBUTES, false),
            new TopicSpec(DEVICE_REQUESTS, false),
            new TopicSpec(DEVICE_CLAIMS, true),
            new TopicSpec(ALERTS, false));

    private Topics() {
    }
}
