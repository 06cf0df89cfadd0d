package io.thingbus.command.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.command.domain.GatewayRoute;
import io.thingbus.command.domain.Rpc;
import java.time.Instant;
import java.util.Optional;

/**
 * An RPC as the REST API shows it (the answer of {@code POST /rpc/{device_id}} and {@code GET
 * /rpc/{device_id}/{rpc_id}}). Fields that do not apply yet are null; {@code response} is null also when the device
 * answered JSON null ({@code responded_at} tells them apart).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RpcView(
        @JsonProperty("id") long id,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("method") String method,
        @JsonProperty("params") JsonNode params,
        @JsonProperty("one_way") boolean oneWay,
        @JsonProperty("status") String status,
        @JsonProperty("response") JsonNode response,
        @JsonProperty("gateway_id") String gatewayId,
        @JsonProperty("timeout_ms") long timeoutMs,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("sent_at") String sentAt,
        @JsonProperty("responded_at") String respondedAt,
        @JsonProperty("completed_at") String completedAt) {

    static RpcView of(Rpc rpc) {
        return new RpcView(rpc.key().id(), rpc.key().device().device().value(), rpc.method(), rpc.params(),
                rpc.oneWay(), rpc.status().wireName(), rpc.response().orElse(null),
                rpc.sentThrough().map(GatewayRoute::gatewayId).map(Object::toString).orElse(null),
                rpc.timeout().toMillis(), rpc.createdAt().toString(), rpc.expiresAt().toString(), text(rpc.sentAt()),
                text(rpc.respondedAt()), text(rpc.completedAt()));
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
