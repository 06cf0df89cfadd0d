package io.thingbus.command.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Checks that a request body is exactly one JSON value (object, array, string, number, {@code true}, {@code false} or
 * {@code null}), without reading it into objects: the bytes are sent to the device unchanged. Thread-safe.
 */
final class JsonPayload {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonPayload() {
    }

    /** Whether {@code body} is one complete JSON value with nothing but white space after it. Never throws. */
    static boolean isValid(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
