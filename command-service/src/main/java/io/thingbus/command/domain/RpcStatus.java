package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an RPC is in its life: {@code queued} (held until its device is connected through a gateway) → {@code sent}
 * (Kafka acknowledged the downlink to the gateway) → {@code succeeded} | {@code failed} (the gateway answered) |
 * {@code timed_out} (no answer within the timeout) | {@code expired} (never sent before its expiry). A one-way RPC
 * ends in {@code sent}: nothing confirms that it was executed.
 */
public enum RpcStatus {
    QUEUED, SENT, SUCCEEDED, FAILED, TIMED_OUT, EXPIRED;

    /** The name in the REST API and the database ({@code queued}, {@code timed_out}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with that wire name; empty for anything else. Never throws. */
    public static Optional<RpcStatus> fromWire(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
    }

    /** Whether an answer of the device can still decide the outcome ({@code queued} or {@code sent}). */
    public boolean isOpen() {
        return this == QUEUED || this == SENT;
    }

    /**
     * How an answer ends an RPC, read the way ThingsBoard gateways report failures: {@code failed} when the answer is
     * a JSON object with a non-null {@code "error"} member or with {@code "success": false}; {@code succeeded}
     * otherwise (any other value, including JSON null).
     */
    public static RpcStatus ofAnswer(JsonNode data) {
        if (data != null && data.isObject()) {
            JsonNode error = data.get("error");
            JsonNode success = data.get("success");
            if (error != null && !error.isNull() || success != null && success.isBoolean() && !success.asBoolean()) {
                return FAILED;
            }
        }
        return SUCCEEDED;
    }
}
