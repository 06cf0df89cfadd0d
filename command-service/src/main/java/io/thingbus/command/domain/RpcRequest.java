package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side RPC as the caller asked for it.
 *
 * @param method the RPC method, 1–{@value #MAX_METHOD_LENGTH} characters without control characters
 * @param params the parameters, any JSON value (the API sends {@code {}} when the caller gave none)
 * @param oneWay true: no answer is awaited
 * @param timeout how long to wait for the answer once sent; empty = the service's default
 * @param expiry how long after it was accepted the RPC may still be sent; empty = the service's default
 */
public record RpcRequest(DeviceKey device, String method, JsonNode params, boolean oneWay,
        Optional<Duration> timeout, Optional<Duration> expiry) {

    public static final int MAX_METHOD_LENGTH = 255;

    /** @throws InvalidRpcException when the method is empty, too long or has control characters */
    public RpcRequest {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(expiry, "expiry");
        checkMethod(method);
    }

    private static void checkMethod(String method) {
        if (method == null || method.isEmpty() || method.length() > MAX_METHOD_LENGTH
                || method.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRpcException("method",
                    "method must be 1-" + MAX_METHOD_LENGTH + " characters without control characters");
        }
    }
}
