package io.thingbus.stream.domain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON dialect of point values, the same for MQTT payloads and HTTP bodies: exactly one value with nothing after
 * it, exact numbers ({@code 20.50} stays {@code 20.50}; no rounding through {@code double}), and, as in PostgreSQL's
 * {@code jsonb}, the last of repeated keys wins. Thread-safe.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private JsonCodec() {
    }

    /** Parses one JSON value; throws {@link InvalidPointException} when the bytes are not exactly one JSON value. */
    public static JsonNode read(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return requirePresent(node);
        } catch (IOException e) {
            throw new InvalidPointException("not valid JSON: " + firstLine(e));
        }
    }

    /** Parses one JSON value; throws {@link InvalidPointException} when the text is not exactly one JSON value. */
    public static JsonNode read(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return requirePresent(node);
        } catch (JsonProcessingException e) {
            throw new InvalidPointException("not valid JSON: " + firstLine(e));
        }
    }

    /** Writes a value as compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode requirePresent(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new InvalidPointException("not valid JSON: empty");
        }
        return node;
    }

    /** The parser's complaint and where it happened, without Jackson's source description. */
    private static String firstLine(IOException e) {
        if (!(e instanceof JsonProcessingException json)) {
            return "unreadable";
        }
        String message = json.getOriginalMessage() == null ? "unreadable" : json.getOriginalMessage();
        message = cutAt(cutAt(cutAt(message, "\n"), " (start marker"), " at [Source");
        JsonLocation location = json.getLocation();
        return location == null || location.getLineNr() < 1 ? message
                : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String cutAt(String message, String marker) {
        int at = message.indexOf(marker);
        return at < 0 ? message : message.substring(0, at);
    }
}
