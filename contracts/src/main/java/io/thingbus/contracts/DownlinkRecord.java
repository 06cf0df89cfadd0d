package io.thingbus.contracts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to deliver a message to a device, on {@link Topics#DOWNLINK}: the payload as the device will receive it,
 * the MQTT metadata in headers (CloudEvents binary mode). Key: {@link DeviceKey}. Type: {@value #TYPE}.
 *
 * <p>Every broker instance reads every downlink record and publishes it to the sessions it holds, so the instance
 * with the device's session delivers it, and a durable session that is offline receives it when it returns (QoS 1).
 *
 * <p>ThingScale downlink topics start with the device's token ({@code <TOKEN>/<DEVICE_ID>/subscribe}), and tokens do
 * not travel over Kafka: such a topic is written with the {@value #TOKEN_PLACEHOLDER} placeholder, and
 * {@code tokenHash} says which token the broker puts in its place (a token it has seen in a connection).
 *
 * @param topic the MQTT topic to publish to, possibly starting with {@value #TOKEN_PLACEHOLDER}
 * @param tokenHash the hash of the token that replaces the placeholder; empty when the topic has none
 * @param qos 0 or 1 (ThingScale's publish API does not offer QoS 2)
 * @param expiry when an undelivered message is dropped; empty = the broker's default
 * @param clientId when present, deliver only to this MQTT client (answers to one gateway on a topic every gateway
 *     subscribes to, such as {@code v1/gateway/rpc}); when empty, to every session subscribed to the topic
 */
public record DownlinkRecord(
        String id,
        Instant time,
        String source,
        TenantId tenant,
        DeviceId device,
        String topic,
        Optional<SecretHash> tokenHash,
        int qos,
        Optional<Instant> expiry,
        String contentType,
        byte[] payload,
        Optional<String> clientId) {

    public static final String TYPE = "io.thingbus.downlink.v1";
    public static final String CLIENT_ID_HEADER = "tb_client_id";

    /** A delivery to every session subscribed to the topic. */
    public DownlinkRecord(String id, Instant time, String source, TenantId tenant, DeviceId device, String topic,
            Optional<SecretHash> tokenHash, int qos, Optional<Instant> expiry, String contentType, byte[] payload) {
        this(id, time, source, tenant, device, topic, tokenHash, qos, expiry, contentType, payload, Optional.empty());
    }
    public static final String TOKEN_PLACEHOLDER = "{token}";
    public static final String TOKEN_HASH_HEADER = "tb_token_hash";
    public static final String EXPIRY_HEADER = "tb_expiry";

    public DownlinkRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(clientId, "clientId");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        expiry = expiry.map(e -> e.truncatedTo(ChronoUnit.MILLIS));
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("downlink qos must be 0 or 1");
        }
        if (topic.startsWith(TOKEN_PLACEHOLDER) != tokenHash.isPresent()) {
            throw new IllegalArgumentException("a token placeholder needs a token hash, and only then");
        }
    }

    /** The ThingScale downlink topic of a device: {@code {token}/<DEVICE_ID>/subscribe}. */
    public static String thingScaleTopic(DeviceId device) {
        return TOKEN_PLACEHOLDER + "/" + device.value() + "/subscribe";
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, device);
    }

    /** The topic with the placeholder replaced by {@code token}. */
    public String topicFor(String token) {
        return topic.startsWith(TOKEN_PLACEHOLDER) ? token + topic.substring(TOKEN_PLACEHOLDER.length()) : topic;
    }

    public List<Header> headers() {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION));
        headers.add(new Header(RecordHeaders.CE_ID, id));
        headers.add(new Header(RecordHeaders.CE_TYPE, TYPE));
        headers.add(new Header(RecordHeaders.CE_SOURCE, source));
        headers.add(new Header(RecordHeaders.CE_TIME, time.toString()));
        headers.add(new Header(RecordHeaders.CE_SUBJECT, device.value()));
        headers.add(new Header(RecordHeaders.CONTENT_TYPE, contentType));
        headers.add(new Header(RecordHeaders.TENANT, tenant.value()));
        headers.add(new Header(RecordHeaders.DEVICE, device.value()));
        headers.add(new Header(RecordHeaders.MQTT_TOPIC, topic));
        headers.add(new Header(RecordHeaders.MQTT_QOS, Integer.toString(qos)));
        tokenHash.ifPresent(h -> headers.add(new Header(TOKEN_HASH_HEADER, h.value())));
        expiry.ifPresent(e -> headers.add(new Header(EXPIRY_HEADER, e.toString())));
        clientId.ifPresent(c -> headers.add(new Header(CLIENT_ID_HEADER, c)));
        return headers;
    }

    /** @throws MalformedRecordException when a required header is missing or invalid */
    public static DownlinkRecord fromHeaders(List<Header> headers, byte[] payload) {
        RecordReader reader = new RecordReader(headers);
        reader.requireType(TYPE);
        try {
            return new DownlinkRecord(
                    reader.required(RecordHeaders.CE_ID),
                    Instant.parse(reader.required(RecordHeaders.CE_TIME)),
                    reader.required(RecordHeaders.CE_SOURCE),
                    TenantId.of(reader.required(RecordHeaders.TENANT)),
                    DeviceId.of(reader.required(RecordHeaders.DEVICE)),
                    reader.required(RecordHeaders.MQTT_TOPIC),
                    reader.optional(TOKEN_HASH_HEADER).map(SecretHash::parse),
                    Integer.parseInt(reader.required(RecordHeaders.MQTT_QOS)),
                    reader.optional(EXPIRY_HEADER).map(Instant::parse),
                    reader.required(RecordHeaders.CONTENT_TYPE),
                    payload == null ? new byte[0] : payload,
                    reader.optional(CLIENT_ID_HEADER));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedRecordException("malformed " + TYPE + " record: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DownlinkRecord other
                && id.equals(other.id) && time.equals(other.time) && source.equals(other.source)
                && tenant.equals(other.tenant) && device.equals(other.device) && topic.equals(other.topic)
                && tokenHash.equals(other.tokenHash) && qos == other.qos && expiry.equals(other.expiry)
                && contentType.equals(other.contentType) && java.util.Arrays.equals(payload, other.payload)
                && clientId.equals(other.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, tenant, device, topic);
    }

    @Override
    public String toString() {
        return "DownlinkRecord[" + id + " " + key() + " " + topic + " qos=" + qos + " " + payload.length + " bytes]";
    }
}
