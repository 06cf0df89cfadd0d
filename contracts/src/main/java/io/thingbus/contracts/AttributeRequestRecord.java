package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A device (or a gateway for it) asks for attribute values, on {@link Topics#DEVICE_REQUESTS}. Key:
 * {@link DeviceKey} of the device asked about. Type: {@value #TYPE}. device-service answers with a
 * {@link DownlinkRecord} addressed to {@code client_id} on {@code reply_topic}, echoing {@code request_id}.
 *
 * @param keys the attribute keys asked for; empty = all of the scope
 * @param clientId the MQTT client that asked and gets the answer
 * @param replyTopic the MQTT topic the answer goes to (e.g. {@code v1/gateway/attributes/response})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeRequestRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("scope") String scope,
        @JsonProperty("keys") List<String> keys,
        @JsonProperty("request_id") String requestId,
        @JsonProperty("gateway_id") DeviceId gatewayId,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("reply_topic") String replyTopic,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "io.thingbus.attribute-request.v1";
    public static final JsonRecordCodec<AttributeRequestRecord> CODEC = JsonRecordCodec.of(AttributeRequestRecord.class);

    @JsonCreator
    public AttributeRequestRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        AttributeUpdateRecord.requireScope(scope);
        keys = keys == null ? List.of() : List.copyOf(keys);
        Objects.requireNonNull(requestId, "request_id");
        Objects.requireNonNull(clientId, "client_id");
        Objects.requireNonNull(replyTopic, "reply_topic");
        Objects.requireNonNull(at, "at");
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }
}
