package io.thingbus.stream.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.PayloadFormat;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a device payload into point values, as ThingScale shows them:
 * <ul>
 *   <li>a JSON object: its fields ({@code {"temp":20}} → {@code {"temp":20}});</li>
 *   <li>a bare JSON number: {@code {"value1": n}} ({@code 23.5} → {@code {"value1":23.5}});</li>
 *   <li>a binary payload: {@code {"value1": "<lower-case hex dump>"}}, keeping the raw bytes too. When the bytes are
 *       exactly one MessagePack value ({@link MessagePackDecoder}), it is decoded as well: a map's entries become
 *       fields next to {@code value1} (an entry named {@code value1} is left out: {@code value1} always holds the hex
 *       dump); any other value (a scalar, an array) becomes {@value #DECODED_VALUE_FIELD}. Bytes that are not
 *       MessagePack, or whose decoded form the store cannot keep, get the hex dump only. A binary payload is never
 *       refused.</li>
 * </ul>
 * Any other JSON (string, boolean, array, null) and anything that is not JSON are refused. Pure and thread-safe.
 */
public final class PayloadDecoder {

    /** Where a binary payload's decoded MessagePack value goes when it is not a map. */
    public static final String DECODED_VALUE_FIELD = "value2";

    private static final HexFormat HEX = HexFormat.of();

    private final MessagePackDecoder messagePack = new MessagePackDecoder();

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
            case BINARY -> new PointContent(binary(payload), payload);
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

    private PointValues binary(byte[] payload) {
        PointValues hexDump = PointValues.single(JsonNodeFactory.instance.textNode(HEX.formatHex(payload)));
        return messagePack.decode(payload).map(decoded -> withDecoded(hexDump, decoded)).orElse(hexDump);
    }

    private static PointValues withDecoded(PointValues hexDump, JsonNode decoded) {
        ObjectNode fields = hexDump.asJson();
        if (!decoded.isObject()) {
            fields.set(DECODED_VALUE_FIELD, decoded);
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = decoded.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                fields.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        try {
            return PointValues.of(fields);
        } catch (InvalidPointException e) {
            return hexDump;
        }
    }

    private static String kindOf(JsonNode json) {
        return json.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
