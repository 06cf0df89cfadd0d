package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * New values of some of a device's attributes, on {@link Topics#ATTRIBUTES}. Key: {@link DeviceKey}.
 * Type: {@value #TYPE}. Only the named keys change; a JSON null value deletes that key.
 *
 * @param scope {@value #CLIENT} (reported by the device or its gateway) or {@value #SHARED} (set by the user, pushed
 *     to the device)
 * @param gatewayId the gateway device that reported them; null when the device itself did, or for shared updates
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttributeUpdateRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("scope") String scope,
        @JsonProperty("values") ObjectNode values,
        @JsonProperty("gateway_id") DeviceId gatewayId,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "io.thingbus.attribute-update.v1";
    public static final JsonRecordCodec<AttributeUpdateRecord> CODEC = JsonRecordCodec.of(AttributeUpdateRecord.class);
    public static final String CLIENT = "client";
    public static final String SHARED = "shared";

    @JsonCreator
    public AttributeUpdateRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        requireScope(scope);
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(at, "at");
    }

    static void requireScope(String scope) {
        if (!List.of(CLIENT, SHARED).contains(scope)) {
            throw new IllegalArgumentException("scope must be client or shared");
        }
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }
}
