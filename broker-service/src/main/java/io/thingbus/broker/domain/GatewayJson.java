package io.thingbus.broker.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceId;
import java.io.IOException;
import java.util.Optional;

/**
 * How the edge reads gateway JSON: strict RFC 8259 (no comments, no {@code NaN}, nothing after the value), duplicate
 * keys refused (a second {@code "Device A"} would otherwise silently replace the first), numbers kept exactly as sent
 * (decimals are not rounded through {@code double}). Field readers throw {@link MalformedGatewayMessage} with a detail
 * for the gateway maker.
 *
 * <p>Stateless and thread-safe.
 */
final class GatewayJson {

    /** The largest {@code ts} accepted: 9999-12-31T23:59:59.999Z. */
    static final long MAX_TIMESTAMP = 253_402_300_799_999L;

    static final int MAX_TEXT_LENGTH = 128;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private GatewayJson() {
    }

    /** The payload as one JSON object. */
    static ObjectNode object(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            throw new MalformedGatewayMessage("the payload is not valid JSON" + location(e));
        }
        if (node == null || !node.isObject()) {
            throw new MalformedGatewayMessage("the payload must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The JSON text of {@code node} (UTF-8), numbers as they were sent. */
    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    /** The required field {@code "device"}: a device name that is a valid {@link DeviceId}. */
    static DeviceId device(ObjectNode message) {
        JsonNode device = message.get("device");
        if (device == null || !device.isTextual()) {
            throw new MalformedGatewayMessage("\"device\" must be the device name, a string");
        }
        return deviceName(device.textValue());
    }

    /** A device name as a {@link DeviceId}. */
    static DeviceId deviceName(String name) {
        if (!DeviceId.isValid(name)) {
            throw new MalformedGatewayMessage("invalid device name: 1-" + DeviceId.MAX_LENGTH
                    + " characters, no '/', '+', '#' or control characters, no leading or trailing blanks");
        }
        return DeviceId.of(name);
    }

    /** The required request id {@code "id"}: an integer, or a string of 1–128 characters; as text. */
    static String requestId(ObjectNode message) {
        JsonNode id = message.get("id");
        if (id != null && id.isIntegralNumber()) {
            return id.bigIntegerValue().toString();
        }
        if (id != null && id.isTextual() && !id.textValue().isEmpty() && id.textValue().length() <= MAX_TEXT_LENGTH) {
            return id.textValue();
        }
        throw new MalformedGatewayMessage("\"id\" must be the request id: an integer, or a string of 1-"
                + MAX_TEXT_LENGTH + " characters");
    }

    /** An optional string field; absent or null gives empty. */
    static Optional<String> optionalText(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedGatewayMessage("\"" + field + "\" must be a string");
        }
        return Optional.of(value.textValue());
    }

    /** An optional positive integer field that fits a long; absent or null gives empty. */
    static Optional<Long> optionalPositiveLong(ObjectNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() <= 0) {
            throw new MalformedGatewayMessage("\"" + field + "\" must be a positive integer");
        }
        return Optional.of(value.longValue());
    }

    /** A timestamp in milliseconds since the epoch: an integer from 0 up to the year 9999. */
    static long timestamp(JsonNode ts) {
        if (!ts.isIntegralNumber() || !ts.canConvertToLong() || ts.longValue() < 0 || ts.longValue() > MAX_TIMESTAMP) {
            throw new MalformedGatewayMessage("\"ts\" must be milliseconds since 1970-01-01 (an integer)");
        }
        return ts.longValue();
    }

    private static String location(IOException e) {
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            return " (line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
