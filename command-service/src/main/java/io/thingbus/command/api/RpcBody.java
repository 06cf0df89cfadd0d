package io.thingbus.command.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.command.domain.InvalidRpcException;
import io.thingbus.command.domain.RpcRequest;
import io.thingbus.contracts.DeviceKey;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /rpc/{device_id}}: a JSON object with {@code method} (required string),
 * {@code params} (any JSON, default {@code {}}), {@code timeout_ms} and {@code expiry_ms} (whole milliseconds),
 * {@code one_way} (boolean, default false). Unknown members are refused, so a misspelt option is never ignored.
 * Thread-safe.
 */
final class RpcBody {

    static final String METHOD = "method";
    static final String PARAMS = "params";
    static final String TIMEOUT_MS = "timeout_ms";
    static final String ONE_WAY = "one_way";
    static final String EXPIRY_MS = "expiry_ms";
    private static final Set<String> FIELDS = Set.of(METHOD, PARAMS, TIMEOUT_MS, ONE_WAY, EXPIRY_MS);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RpcBody() {
    }

    /** @throws InvalidRpcException naming the field that is missing, unknown or of the wrong type */
    static RpcRequest parse(DeviceKey device, byte[] body) {
        JsonNode json = object(body);
        rejectUnknown(json);
        JsonNode method = json.get(METHOD);
        if (method == null || !method.isTextual()) {
            throw new InvalidRpcException(METHOD, "method is required and must be a string");
        }
        JsonNode params = json.has(PARAMS) ? json.get(PARAMS) : JsonNodeFactory.instance.objectNode();
        return new RpcRequest(device, method.asText(), params, oneWay(json), millis(json, TIMEOUT_MS),
                millis(json, EXPIRY_MS));
    }

    private static JsonNode object(byte[] body) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new InvalidRpcException("body", "the body must be one JSON object");
        }
        return json;
    }

    private static void rejectUnknown(JsonNode json) {
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (!FIELDS.contains(name)) {
                throw new InvalidRpcException(name, "unknown field; the fields are method, params, timeout_ms, "
                        + "one_way, expiry_ms");
            }
        }
    }

    private static boolean oneWay(JsonNode json) {
        JsonNode value = json.get(ONE_WAY);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRpcException(ONE_WAY, "one_way must be true or false");
        }
        return value.asBoolean();
    }

    private static Optional<Duration> millis(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRpcException(field, field + " must be a whole number of milliseconds");
        }
        return Optional.of(Duration.ofMillis(value.asLong()));
    }
}
