package io.thingbus.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes the records of the ThingsBoard gateway API exactly as broker-service does: the record's key, its JSON value
 * ({@code <Type>.CODEC}) and the CloudEvents headers. Everything goes to one partition of each topic, so a later record
 * proves that the consumer has passed the earlier ones.
 */
final class BrokerRecords implements AutoCloseable {

    static final int PARTITION = 0;
    static final String SOURCE = "//thingbus/broker-service/test";
    static final String REPLY_TOPIC = "v1/gateway/attributes/response";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingProducer producer = new BlockingProducer();

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // --- records as the broker makes them from v1/gateway/* publishes -------------------------------------------

    static SubdeviceEventRecord connect(String tenant, String device, String gateway, String connection,
                                        String gatewayToken) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, TenantId.of(tenant), DeviceId.of(device),
                null, DeviceId.of(gateway), gateway, connection, "broker-0",
                gatewayToken == null ? null : SecretHash.of(gatewayToken), now());
    }

    static SubdeviceEventRecord disconnect(String tenant, String device, String gateway, String connection) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, TenantId.of(tenant), DeviceId.of(device),
                null, DeviceId.of(gateway), gateway, connection, "broker-0", null, now());
    }

    /**
     * A connect by {@code gatewayTenant}'s gateway of a device {@code deviceOwner} claimed from it, as the broker
     * writes it once it knows of the claim: in the gateway's session, with {@code device_tenant}.
     */
    static SubdeviceEventRecord carriedConnect(String gatewayTenant, String deviceOwner, String device, String gateway,
                                               String connection, String gatewayToken) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, TenantId.of(gatewayTenant),
                DeviceId.of(device), null, DeviceId.of(gateway), gateway, connection, "broker-0",
                SecretHash.of(gatewayToken), now(), TenantId.of(deviceOwner));
    }

    /** A disconnect by {@code gatewayTenant}'s gateway of a device {@code deviceOwner} claimed from it. */
    static SubdeviceEventRecord carriedDisconnect(String gatewayTenant, String deviceOwner, String device,
                                                  String gateway, String connection) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, TenantId.of(gatewayTenant),
                DeviceId.of(device), null, DeviceId.of(gateway), gateway, connection, "broker-0", null, now(),
                TenantId.of(deviceOwner));
    }

    static SessionEventRecord session(String event, String tenant, String clientId, String connection) {
        return new SessionEventRecord(event, TenantId.of(tenant), clientId, connection, "broker-0", null,
                SessionEventRecord.CONNECTED.equals(event) ? "tcp" : null,
                SessionEventRecord.CONNECTED.equals(event) ? "3.1.1" : null, List.of(),
                SessionEventRecord.DISCONNECTED.equals(event) ? "client" : null, now());
    }

    static AttributeUpdateRecord clientAttributes(String tenant, String device, String gateway, String values) {
        return new AttributeUpdateRecord(TenantId.of(tenant), DeviceId.of(device), AttributeUpdateRecord.CLIENT,
                object(values), gateway == null ? null : DeviceId.of(gateway), now());
    }

    static AttributeRequestRecord attributeRequest(String tenant, String device, String scope, List<String> keys,
                                                   String requestId, String gateway) {
        return new AttributeRequestRecord(TenantId.of(tenant), DeviceId.of(device), scope, keys, requestId,
                DeviceId.of(gateway), gateway, REPLY_TOPIC, now());
    }

    static ClaimRequestRecord claimRequest(String tenant, String device, String secretKey, Long durationMs,
                                           String gateway, Instant at) {
        return new ClaimRequestRecord(TenantId.of(tenant), DeviceId.of(device), SecretHash.of(secretKey), durationMs,
                DeviceId.of(gateway), at);
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- sending ------------------------------------------------------------------------------------------------

    void send(SubdeviceEventRecord record) {
        send(Topics.LIFECYCLE, record.key(), SubdeviceEventRecord.TYPE, record.tenant(), record.deviceId(),
                record.at(), SubdeviceEventRecord.CODEC.encode(record));
    }

    void send(SessionEventRecord record) {
        send(Topics.LIFECYCLE, record.key(), SessionEventRecord.TYPE, record.tenant(), null, record.at(),
                SessionEventRecord.CODEC.encode(record));
    }

    void send(AttributeUpdateRecord record) {
        send(Topics.ATTRIBUTES, record.key().asString(), AttributeUpdateRecord.TYPE, record.tenant(),
                record.deviceId(), record.at(), AttributeUpdateRecord.CODEC.encode(record));
    }

    /** @return the request's {@code ce_id} */
    String send(AttributeRequestRecord record) {
        return send(Topics.DEVICE_REQUESTS, record.key().asString(), AttributeRequestRecord.TYPE, record.tenant(),
                record.deviceId(), record.at(), AttributeRequestRecord.CODEC.encode(record));
    }

    void send(ClaimRequestRecord record) {
        send(Topics.DEVICE_REQUESTS, record.key().asString(), ClaimRequestRecord.TYPE, record.tenant(),
                record.deviceId(), record.at(), ClaimRequestRecord.CODEC.encode(record));
    }

    void send(RpcResponseRecord record) {
        send(Topics.DEVICE_REQUESTS, record.key().asString(), RpcResponseRecord.TYPE, record.tenant(),
                record.deviceId(), record.at(), RpcResponseRecord.CODEC.encode(record));
    }

    /** A record with the given headers and value, as a faulty writer might produce it. */
    void sendRaw(String topic, String key, Map<String, String> headers, String value) {
        List<Header> kafkaHeaders = new ArrayList<>();
        headers.forEach((name, v) -> kafkaHeaders.add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        producer.send(new ProducerRecord<>(topic, PARTITION, key, value.getBytes(StandardCharsets.UTF_8),
                kafkaHeaders));
    }

    /** The CloudEvents headers the broker sets. */
    static Map<String, String> headers(String type, String id, TenantId tenant, DeviceId device, Instant at) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        headers.put(RecordHeaders.CE_ID, id);
        headers.put(RecordHeaders.CE_TYPE, type);
        headers.put(RecordHeaders.CE_SOURCE, SOURCE);
        headers.put(RecordHeaders.CE_TIME, at.toString());
        if (device != null) {
            headers.put(RecordHeaders.CE_SUBJECT, device.value());
        }
        headers.put(RecordHeaders.CONTENT_TYPE, "application/json");
        headers.put(RecordHeaders.TENANT, tenant.value());
        if (device != null) {
            headers.put(RecordHeaders.DEVICE, device.value());
        }
        return headers;
    }

    private String send(String topic, String key, String type, TenantId tenant, DeviceId device, Instant at,
                        byte[] value) {
        String id = UUID.randomUUID().toString();
        sendRaw(topic, key, headers(type, id, tenant, device, at), new String(value, StandardCharsets.UTF_8));
        return id;
    }

    @Override
    public void close() {
        producer.close();
    }
}
