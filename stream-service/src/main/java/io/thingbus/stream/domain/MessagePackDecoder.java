package io.thingbus.stream.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Reads a binary payload as one <a href="https://msgpack.org">MessagePack</a> value, as JSON:
 * <ul>
 *   <li>nil → {@code null}, boolean → {@code true}/{@code false}, integer (up to uint64) → an integer,
 *       float32/float64 → a number in its shortest decimal form ({@code 21.5}; a float32 {@code 0.1} stays
 *       {@code 0.1});</li>
 *   <li>string → a string (valid UTF-8 only), binary → a lower-case hex string;</li>
 *   <li>array → an array, map → an object (keys must be strings; of a repeated key the last value wins);</li>
 *   <li>the timestamp extension (type -1) → an ISO-8601 instant string.</li>
 * </ul>
 * The bytes must hold exactly one value, with arrays and maps nested at most {@value #MAX_DEPTH} deep; anything
 * else — trailing or missing bytes, invalid UTF-8, non-string map keys, NaN or infinite floats, other extension
 * types, an unused format byte — is not decodable. Sizes are checked against the bytes that remain before anything
 * is read, so a forged length allocates nothing. Pure and thread-safe.
 */
public final class MessagePackDecoder {

    /** The deepest nesting of arrays and maps decoded (a top-level map is 1 deep). */
    public static final int MAX_DEPTH = 64;

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Decodes the bytes; never throws for any input.
     *
     * @return the value, or empty when the bytes are not exactly one decodable MessagePack value (also when empty)
     */
    public Optional<JsonNode> decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            return Optional.empty();
        }
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes)) {
            JsonNode value = new Reading(unpacker, bytes.length).value(0);
            return unpacker.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (IOException | MessagePackException | DateTimeException | ArithmeticException | NotDecodable e) {
            return Optional.empty();
        }
    }

    /** One pass over one payload. */
    private static final class Reading {

        private final MessageUnpacker unpacker;
        private final long size;

        Reading(MessageUnpacker unpacker, long size) {
            this.unpacker = unpacker;
            this.size = size;
        }

        /** @param depth how many arrays and maps enclose the value */
        JsonNode value(int depth) throws IOException {
            MessageFormat format = unpacker.getNextFormat();
            ValueType type = format.getValueType();
            return switch (type) {
                case NIL -> nil();
                case BOOLEAN -> JSON.booleanNode(unpacker.unpackBoolean());
                case INTEGER -> format == MessageFormat.UINT64
                        ? JSON.numberNode(unpacker.unpackBigInteger())
                        : JSON.numberNode(unpacker.unpackLong());
                case FLOAT -> format == MessageFormat.FLOAT32 ? float32() : float64();
                case STRING -> JSON.textNode(string());
                case BINARY -> JSON.textNode(HEX.formatHex(payload(unpacker.unpackBinaryHeader())));
                case ARRAY -> array(depth);
                case MAP -> map(depth);
                case EXTENSION -> timestamp();
            };
        }

        private JsonNode nil() throws IOException {
            unpacker.unpackNil();
            return JSON.nullNode();
        }

        private JsonNode float32() throws IOException {
            float value = unpacker.unpackFloat();
            if (!Float.isFinite(value)) {
                throw new NotDecodable();
            }
            return JSON.numberNode(new BigDecimal(Float.toString(value)));
        }

        private JsonNode float64() throws IOException {
            double value = unpacker.unpackDouble();
            if (!Double.isFinite(value)) {
                throw new NotDecodable();
            }
            return JSON.numberNode(BigDecimal.valueOf(value));
        }

        private String string() throws IOException {
            byte[] utf8 = payload(unpacker.unpackRawStringHeader());
            CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return strict.decode(ByteBuffer.wrap(utf8)).toString();
        }

        private ArrayNode array(int depth) throws IOException {
            requireNestable(depth);
            int count = unpacker.unpackArrayHeader();
            requireRemaining(count);
            ArrayNode array = JSON.arrayNode(Math.min(count, 64));
            for (int i = 0; i < count; i++) {
                array.add(value(depth + 1));
            }
            return array;
        }

        private ObjectNode map(int depth) throws IOException {
            requireNestable(depth);
            int count = unpacker.unpackMapHeader();
            requireRemaining(2L * count);
            ObjectNode map = JSON.objectNode();
            for (int i = 0; i < count; i++) {
                if (unpacker.getNextFormat().getValueType() != ValueType.STRING) {
                    throw new NotDecodable();
                }
                String key = string();
                map.set(key, value(depth + 1));
            }
            return map;
        }

        private JsonNode timestamp() throws IOException {
            ExtensionTypeHeader header = unpacker.unpackExtensionTypeHeader();
            if (!header.isTimestampType()) {
                throw new NotDecodable();
            }
            requireRemaining(header.getLength());
            return JSON.textNode(unpacker.unpackTimestamp(header).toString());
        }

        private byte[] payload(int length) throws IOException {
            requireRemaining(length);
            return unpacker.readPayload(length);
        }

        private static void requireNestable(int enclosing) {
            if (enclosing >= MAX_DEPTH) {
                throw new NotDecodable();
            }
        }

        /** Refuses a length the rest of the bytes cannot hold, before anything is allocated for it. */
        private void requireRemaining(long length) {
            if (length < 0 || length > size - unpacker.getTotalReadBytes()) {
                throw new NotDecodable();
            }
        }
    }

    /** The bytes are valid MessagePack in part, but not as a whole, or hold something this decoder does not map. */
    private static final class NotDecodable extends RuntimeException {
        NotDecodable() {
            super(null, null, false, false);
        }
    }
}
