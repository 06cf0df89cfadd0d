package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A gateway announces that one of its sub-devices connected or disconnected (ThingsBoard's
 * {@code v1/gateway/connect} / {@code disconnect}), on {@link Topics#LIFECYCLE} beside the gateway's own
 * {@link SessionEventRecord}s and with the same key ({@code <tenant>/<gateway client id>}), so one gateway's events
 * stay in order. Type: {@value #TYPE}. When the gateway's session ends, all its sub-devices count as disconnected
 * even without a record for each.
 *
 * <p>{@code tenant} is the gateway's owner. The sub-device usually belongs to the same user; when another user claimed
 * it away (see {@link DeviceClaimRecord}), {@code device_tenant} names its owner, and the event is about that owner's
 * device carried by this tenant's gateway. Use {@link #deviceKey()} for the device and {@link #key()} for the gateway.
 *
 * @param gatewayId the gateway's own device id (its MQTT client id)
 * @param deviceType the sub-device's type as the gateway gave it, or null
 * @param deviceTenant the sub-device's owner when it is not the gateway's owner; null (absent) otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubdeviceEventRecord(
        @JsonProperty("event") String event,
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("device_type") String deviceType,
        @JsonProperty("gateway_id") DeviceId gatewayId,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("connection_id") String connectionId,
        @JsonProperty("broker") String broker,
        @JsonProperty("token_hash") SecretHash tokenHash,
        @JsonProperty("at") Instant at,
        @JsonProperty("device_tenant") TenantId deviceTenant) {

    public static final String TYPE = "io.thingbus.subdevice-event.v1";
    public static final JsonRecordCodec<SubdeviceEventRecord> CODEC = JsonRecordCodec.of(SubdeviceEventRecord.class);
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";

    @JsonCreator
    public SubdeviceEventRecord {
        if (!List.of(CONNECTED, DISCONNECTED).contains(event)) {
            throw new IllegalArgumentException("unknown sub-device event: " + event);
        }
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(gatewayId, "gateway_id");
        Objects.requireNonNull(clientId, "client_id");
        Objects.requireNonNull(connectionId, "connection_id");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(at, "at");
        if (tenant.equals(deviceTenant)) {
            deviceTenant = null;
        }
    }

    /** An event about a sub-device of the gateway's own owner. */
    public SubdeviceEventRecord(String event, TenantId tenant, DeviceId deviceId, String deviceType, DeviceId gatewayId,
            String clientId, String connectionId, String broker, SecretHash tokenHash, Instant at) {
        this(event, tenant, deviceId, deviceType, gatewayId, clientId, connectionId, broker, tokenHash, at, null);
    }

    /** The sub-device: {@code device_tenant} (or the gateway's tenant when absent) and {@code device_id}. */
    public DeviceKey deviceKey() {
        return DeviceKey.of(deviceTenant == null ? tenant : deviceTenant, deviceId);
    }

    /** Whether the sub-device belongs to another user than the gateway (it was claimed away). */
    public boolean carriedForAnotherUser() {
        return deviceTenant != null;
    }

    /** The Kafka key: the gateway's session, {@code <tenant>/<client id>}. */
    public String key() {
        return tenant.value() + "/" + clientId;
    }
}
