package io.thingbus.stream.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * The values of one point: a JSON object whose fields are the measurements ({@code {"temp":20,"humidity":50}}).
 * Immutable (built from a private copy, handed out as copies). Validated to hold only what the store can keep: no
 * NUL character in a key or string, numbers within PostgreSQL's {@code numeric} range.
 */
public final class PointValues {

    /** The field a single value (a bare number, a binary payload's hex dump) is stored under, as in ThingScale. */
    public static final String SINGLE_VALUE_FIELD = "value1";

    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    private final ObjectNode fields;

    private PointValues(ObjectNode fields) {
        this.fields = fields;
    }

    /** Values from a JSON object; throws {@link InvalidPointException} when it holds something the store cannot keep. */
    public static PointValues of(ObjectNode fields) {
        Objects.requireNonNull(fields, "fields");
        requireStorable(fields, "values");
        return new PointValues(fields.deepCopy());
    }

    /** A single value under {@value #SINGLE_VALUE_FIELD}. */
    public static PointValues single(JsonNode value) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.set(SINGLE_VALUE_FIELD, value);
        return of(fields);
    }

    /** Values read back from the store (trusted to be a JSON object written by {@link #toJson()}). */
    public static PointValues fromStoredJson(String json) {
        JsonNode node = JsonCodec.read(json);
        if (!node.isObject()) {
            throw new IllegalStateException("stored values are not a JSON object");
        }
        return new PointValues((ObjectNode) node);
    }

    /** A copy of the fields. */
    public ObjectNode asJson() {
        return fields.deepCopy();
    }

    public String toJson() {
        return JsonCodec.write(fields);
    }

    private static void requireStorable(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            throw new InvalidPointException(path + " contains a NUL character, which cannot be stored");
        }
        if (node.isNumber()) {
            requireStorableNumber(node, path);
        }
        if (node.isObject()) {
            requireStorableFields(node, path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static void requireStorableFields(JsonNode object, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().indexOf('\u0000') >= 0) {
                throw new InvalidPointException(path + " has a key with a NUL character, which cannot be stored");
            }
            requireStorable(field.getValue(), path + "." + field.getKey());
        }
    }

    private static void requireStorableNumber(JsonNode number, String path) {
        if (number.isFloatingPointNumber() && !number.isBigDecimal() && !Double.isFinite(number.doubleValue())) {
            throw new InvalidPointException(path + " is not a finite number");
        }
        BigDecimal value = number.decimalValue();
        int fractionDigits = Math.max(value.scale(), 0);
        int integerDigits = value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || fractionDigits > MAX_FRACTION_DIGITS) {
            throw new InvalidPointException(path + " is a number outside the storable range");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointValues other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
