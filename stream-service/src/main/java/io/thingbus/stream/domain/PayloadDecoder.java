package io.thingbus.stream.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.PayloadFormat;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a device payload into point values, as ThingScale shows them:
 * <ul>
 *   <li>a JSON object: its fields ({@code {"temp":20}} → {@code {"temp":20}});</li>
 *   <li>a bare JSON number: {@code {"value1": n}} ({@code 23.5} → {@code {"value1":23.5}});</li>
 *   <li>a binary payload: {@code {"value1": "<lower-case hex dump>"}}, keeping the raw bytes too.</li>
 * </ul>
 * Any other JSON (string, boolean, array, null) and anything that is not JSON are refused. Pure and thread-safe.
 */
public final class PayloadDecoder {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Decodes one payload.
     *
     * @throws InvalidPointException when a JSON payload is not a JSON object or number, or holds something the store
     *         cannot keep
     */
    public PointContent decode(PayloadFormat format, byte[] payload) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(payload, "payload");
        return switch (format) {
            case JSON -> PointContent.of(fromJson(JsonCodec.read(payload)));
            case BINARY -> new PointContent(hexDump(payload), payload);
        };
    }

    /**
     * Values of an already parsed JSON payload: an object's fields, or a number as {@code value1}.
     *
     * @throws InvalidPointException for any other JSON value
     */
    public PointValues fromJson(JsonNode json) {
        if (json.isObject()) {
            return PointValues.of((ObjectNode) json);
        }
        if (json.isNumber()) {
            return PointValues.single(json);
        }
        throw new InvalidPointException("a payload is a JSON object or a number, not " + kindOf(json));
    }

    private static PointValues hexDump(byte[] payload) {
        return PointValues.single(JsonNodeFactory.instance.textNode(HEX.formatHex(payload)));
    }

    private static String kindOf(JsonNode json) {
        return json.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
