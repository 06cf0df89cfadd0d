package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer to an attribute request in ThingsBoard's gateway format ({@code v1/gateway/attributes/response}):
 * {@code {"id": 7, "device": "Device A", "value": "v1"}} when one key was asked for ({@code "value": null} when the
 * device has no such attribute), {@code {"id": 7, "device": "Device A", "values": {"a": 1, "b": 2}}} when several or
 * all keys were (only the keys the device has). The id is a JSON number when the request's id is a canonical integer
 * ({@code 7}, {@code -3}; not {@code 07}), otherwise the string as sent. Pure and thread-safe.
 */
public final class GatewayAttributeResponse {

    private static final Pattern CANONICAL_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GatewayAttributeResponse() {
    }

    /** The answer to {@code request} given the values found ({@code found} may hold more keys than were asked). */
    public static ObjectNode of(AttributeRequest request, Map<AttributeKey, JsonNode> found) {
        ObjectNode answer = JSON.objectNode();
        answer.set("id", requestId(request.requestId()));
        answer.put("device", request.device().device().value());
        if (request.keys().size() == 1) {
            answer.set("value", valueOf(request.keys().get(0), found));
        } else {
            answer.set("values", valuesOf(request, found));
        }
        return answer;
    }

    /** {@link #of} as UTF-8 JSON bytes. */
    public static byte[] bytes(AttributeRequest request, Map<AttributeKey, JsonNode> found) {
        return of(request, found).toString().getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode requestId(String id) {
        return CANONICAL_INTEGER.matcher(id).matches() ? JSON.numberNode(new BigInteger(id)) : JSON.textNode(id);
    }

    private static JsonNode valueOf(String key, Map<AttributeKey, JsonNode> found) {
        JsonNode value = AttributeKey.isValid(key) ? found.get(AttributeKey.of(key)) : null;
        return value == null ? JSON.nullNode() : value.deepCopy();
    }

    private static ObjectNode valuesOf(AttributeRequest request, Map<AttributeKey, JsonNode> found) {
        ObjectNode values = JSON.objectNode();
        if (request.keys().isEmpty()) {
            found.forEach((key, value) -> values.set(key.value(), value.deepCopy()));
            return values;
        }
        for (String key : request.keys()) {
            JsonNode value = AttributeKey.isValid(key) ? found.get(AttributeKey.of(key)) : null;
            if (value != null) {
                values.set(key, value.deepCopy());
            }
        }
        return values;
    }
}
