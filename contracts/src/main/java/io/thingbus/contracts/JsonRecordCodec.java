package io.thingbus.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Encodes and decodes one control-plane record type as JSON. Field names are pinned on the record types with
 * {@code @JsonProperty}; unknown fields are ignored when reading so that adding an optional field stays compatible.
 * Instances are immutable and thread-safe.
 */
public final class JsonRecordCodec<T> {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private final Class<T> type;

    private JsonRecordCodec(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonRecordCodec<T> of(Class<T> type) {
        return new JsonRecordCodec<>(type);
    }

    public byte[] encode(T value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /** @throws MalformedRecordException when the bytes are not a valid record of this type */
    public T decode(byte[] json) {
        if (json == null) {
            throw new MalformedRecordException("empty " + type.getSimpleName() + " record");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedRecordException("malformed " + type.getSimpleName() + " record: " + e.getMessage(), e);
        }
    }
}
