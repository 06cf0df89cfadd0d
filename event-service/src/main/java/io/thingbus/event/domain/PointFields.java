package io.thingbus.event.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.thingbus.contracts.PayloadFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The numeric fields of one telemetry payload, read the way stream-service stores it: a JSON object gives its
 * top-level fields, a bare JSON number is the field {@value FieldName#BARE_NUMBER}. Numbers are kept exactly (no binary
 * floating point). Binary payloads, other JSON (strings, arrays …), invalid JSON and non-number fields give nothing to
 * compare. Immutable.
 */
public final class PointFields {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final PointFields NONE = new PointFields(Map.of());

    private final Map<String, BigDecimal> numbers;

    private PointFields(Map<String, BigDecimal> numbers) {
        this.numbers = Map.copyOf(numbers);
    }

    public static PointFields none() {
        return NONE;
    }

    public static PointFields of(Map<String, BigDecimal> numbers) {
        return new PointFields(numbers);
    }

    /** Reads a payload; never throws. */
    public static PointFields read(PayloadFormat format, byte[] payload) {
        if (format != PayloadFormat.JSON || payload.length == 0) {
            return NONE;
        }
        try {
            return fromJson(JSON.readTree(payload));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    private static PointFields fromJson(JsonNode json) {
        if (json == null) {
            return NONE;
        }
        if (json.isNumber()) {
            return new PointFields(Map.of(FieldName.BARE_NUMBER, json.decimalValue()));
        }
        Map<String, BigDecimal> numbers = new HashMap<>();
        if (json.isObject()) {
            json.fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    numbers.put(field.getKey(), field.getValue().decimalValue());
                }
            });
        }
        return numbers.isEmpty() ? NONE : new PointFields(numbers);
    }

    /** The field's value, when the payload has that field and it is a number. */
    public Optional<BigDecimal> value(FieldName field) {
        return Optional.ofNullable(numbers.get(field.value()));
    }
}
