package io.thingbus.broker.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The payload rule of ThingScale {@code json} topics: exactly one JSON object ({@code {"temp":20}}) or one bare JSON
 * number ({@code 23.5}), with nothing but whitespace around it. Strict JSON (RFC 8259): no comments, no single
 * quotes, no {@code NaN}, no trailing commas. Encoding is detected as JSON allows (UTF-8, UTF-16, UTF-32).
 *
 * <p>Stateless and thread-safe; reads the payload as a stream without building a tree.
 */
public final class JsonTelemetryPayload {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonTelemetryPayload() {
    }

    /** Whether {@code payload} is a JSON object or a JSON number; never throws. */
    public static boolean isAcceptable(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
            } else if (first != JsonToken.VALUE_NUMBER_INT && first != JsonToken.VALUE_NUMBER_FLOAT) {
                return false;
            }
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
