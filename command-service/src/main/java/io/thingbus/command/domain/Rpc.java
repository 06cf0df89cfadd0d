package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side RPC as stored: what was asked, where it is in its life, and the device's answer.
 *
 * @param params the parameters exactly as the gateway receives them (any JSON value)
 * @param timeout how long a two-way RPC waits for the answer once sent
 * @param expiresAt after this instant a queued RPC is no longer sent (it becomes {@code expired})
 * @param sentThrough the gateway session the downlink went to; empty until sent
 * @param sentAt when Kafka acknowledged the downlink; empty until sent
 * @param replyBy when a sent two-way RPC times out; empty for one-way RPCs and until sent
 * @param response the device's answer (the {@code data} of the gateway's reply); empty until it answered, also
 *     after a {@code timed_out} when the answer came late
 * @param respondedAt when the answer was published; empty without an answer
 * @param completedAt when the RPC reached its final status (a one-way RPC: when it was sent)
 */
public record Rpc(RpcKey key, String method, JsonNode params, boolean oneWay, Duration timeout, RpcStatus status,
        Instant createdAt, Instant expiresAt, Optional<GatewayRoute> sentThrough, Optional<Instant> sentAt,
        Optional<Instant> replyBy, Optional<JsonNode> response, Optional<Instant> respondedAt,
        Optional<Instant> completedAt) {

    public Rpc {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(sentThrough, "sentThrough");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(replyBy, "replyBy");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
