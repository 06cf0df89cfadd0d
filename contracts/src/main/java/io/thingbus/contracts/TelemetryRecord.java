package io.thingbus.contracts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A device's telemetry on {@link Topics#TELEMETRY}: the payload exactly as the device sent it, with its metadata
 * in headers (CloudEvents binary mode). Key: {@link DeviceKey}. Type: {@value #TYPE}.
 *
 * <p>The time is when the platform accepted the message (millisecond precision) unless the device dialect carries
 * its own timestamp. The id is unique per accepted publish, and stays the same when the record is re-sent, so
 * consumers can store idempotently.
 *
 * @param tag the ThingScale tag of the publish ({@code <TOKEN>/json/<DEVICE>/<TAG>}), or empty
 * @param origin the MQTT side of the publish, or empty when the data came in another way
 * @param tokenHash the hash of the device token whose topic namespace the publish used (ThingScale topics start with
 *     it), so the registry knows which token a device speaks under; empty when the dialect has none
 */
public record TelemetryRecord(
        String id,
        Instant time,
        String source,
        TenantId tenant,
        DeviceId device,
        Optional<String> tag,
        PayloadFormat format,
        Optional<MqttOrigin> origin,
        byte[] payload,
        Optional<SecretHash> tokenHash) {

    public static final String TYPE = "io.thingbus.telemetry.v1";
    public static final String TOKEN_HASH_HEADER = "tb_token_hash";

    /** A record without a token hash. */
    public TelemetryRecord(String id, Instant time, String source, TenantId tenant, DeviceId device,
            Optional<String> tag, PayloadFormat format, Optional<MqttOrigin> origin, byte[] payload) {
        this(id, time, source, tenant, device, tag, format, origin, payload, Optional.empty());
    }

    public TelemetryRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(tokenHash, "tokenHash");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, device);
    }

    /** The headers, in a fixed order. */
    public List<Header> headers() {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION));
        headers.add(new Header(RecordHeaders.CE_ID, id));
        headers.add(new Header(RecordHeaders.CE_TYPE, TYPE));
        headers.add(new Header(RecordHeaders.CE_SOURCE, source));
        headers.add(new Header(RecordHeaders.CE_TIME, time.toString()));
        headers.add(new Header(RecordHeaders.CE_SUBJECT, device.value()));
        headers.add(new Header(RecordHeaders.CONTENT_TYPE, format.contentType()));
        headers.add(new Header(RecordHeaders.TENANT, tenant.value()));
        headers.add(new Header(RecordHeaders.DEVICE, device.value()));
        tag.ifPresent(t -> headers.add(new Header(RecordHeaders.TAG, t)));
        tokenHash.ifPresent(h -> headers.add(new Header(TOKEN_HASH_HEADER, h.value())));
        origin.ifPresent(o -> addMqttHeaders(headers, o));
        return headers;
    }

    private static void addMqttHeaders(List<Header> headers, MqttOrigin origin) {
        headers.add(new Header(RecordHeaders.MQTT_TOPIC, origin.topic()));
        headers.add(new Header(RecordHeaders.MQTT_QOS, Integer.toString(origin.qos())));
        headers.add(new Header(RecordHeaders.MQTT_RETAIN, Boolean.toString(origin.retain())));
        headers.add(new Header(RecordHeaders.MQTT_CLIENT_ID, origin.clientId()));
        for (Header property : origin.userProperties()) {
            headers.add(new Header(RecordHeaders.MQTT_USER_PROPERTY_PREFIX + property.name(), property.value()));
        }
    }

    /**
     * Reads a record back from its headers and value.
     *
     * @throws MalformedRecordException when a required header is missing or invalid, or the type is not {@value #TYPE}
     */
    public static TelemetryRecord fromHeaders(List<Header> headers, byte[] payload) {
        RecordReader reader = new RecordReader(headers);
        reader.requireType(TYPE);
        try {
            return new TelemetryRecord(
                    reader.required(RecordHeaders.CE_ID),
                    Instant.parse(reader.required(RecordHeaders.CE_TIME)),
                    reader.required(RecordHeaders.CE_SOURCE),
                    TenantId.of(reader.required(RecordHeaders.TENANT)),
                    DeviceId.of(reader.required(RecordHeaders.DEVICE)),
                    reader.optional(RecordHeaders.TAG),
                    PayloadFormat.fromContentType(reader.required(RecordHeaders.CONTENT_TYPE)),
                    reader.optional(RecordHeaders.MQTT_TOPIC).map(topic -> mqttOrigin(reader, topic)),
                    payload == null ? new byte[0] : payload,
                    reader.optional(TOKEN_HASH_HEADER).map(SecretHash::parse));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedRecordException("malformed " + TYPE + " record: " + e.getMessage(), e);
        }
    }

    private static MqttOrigin mqttOrigin(RecordReader reader, String topic) {
        return new MqttOrigin(
                topic,
                Integer.parseInt(reader.required(RecordHeaders.MQTT_QOS)),
                Boolean.parseBoolean(reader.required(RecordHeaders.MQTT_RETAIN)),
                reader.required(RecordHeaders.MQTT_CLIENT_ID),
                reader.withPrefix(RecordHeaders.MQTT_USER_PROPERTY_PREFIX));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelemetryRecord other
                && id.equals(other.id) && time.equals(other.time) && source.equals(other.source)
                && tenant.equals(other.tenant) && device.equals(other.device) && tag.equals(other.tag)
                && format == other.format && origin.equals(other.origin)
                && java.util.Arrays.equals(payload, other.payload) && tokenHash.equals(other.tokenHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, time, tenant, device, tag);
    }

    @Override
    public String toString() {
        return "TelemetryRecord[" + id + " " + key() + tag.map(t -> " tag=" + t).orElse("") + " "
                + payload.length + " bytes]";
    }
}
