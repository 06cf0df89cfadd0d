package io.thingbus.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A device's (or its gateway's) answer to a server-side RPC, on {@link Topics#DEVICE_REQUESTS}. Key:
 * {@link DeviceKey} of the device that answers. Type: {@value #TYPE}. command-service completes the RPC whose id is
 * {@code rpc_id}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RpcResponseRecord(
        @JsonProperty("tenant") TenantId tenant,
        @JsonProperty("device_id") DeviceId deviceId,
        @JsonProperty("rpc_id") String rpcId,
        @JsonProperty("data") JsonNode data,
        @JsonProperty("gateway_id") DeviceId gatewayId,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "io.thingbus.rpc-response.v1";
    public static final JsonRecordCodec<RpcResponseRecord> CODEC = JsonRecordCodec.of(RpcResponseRecord.class);

    @JsonCreator
    public RpcResponseRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(deviceId, "device_id");
        Objects.requireNonNull(rpcId, "rpc_id");
        Objects.requireNonNull(at, "at");
    }

    public DeviceKey key() {
        return DeviceKey.of(tenant, deviceId);
    }
}
