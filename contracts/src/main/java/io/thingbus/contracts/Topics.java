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

    /** Every topic of the suite with how it is created; deployment tooling creates them before services start. */
    public static final java.util.List<TopicSpec> ALL = java.util.List.of(
            new TopicSpec(TELEMETRY, false),
            new TopicSpec(DEVICE_CREDENTIALS, true),
            new TopicSpec(API_KEYS, true),
            new TopicSpec(DEVICES, true));

    private Topics() {
    }
}
