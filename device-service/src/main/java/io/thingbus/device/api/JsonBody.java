package io.thingbus.device.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads optional JSON request bodies. The bodies of this API are all optional, and clients often send an empty
 * {@code POST} without a content type (or with a form content type, as curl {@code -d ''} does); so the body is read
 * as text whatever its declared type, and an empty body means "all defaults". Thread-safe.
 */
@ApplicationScoped
public class JsonBody {

    private final ObjectMapper mapper;

    public JsonBody(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @return the parsed body, or {@code empty} when the body is absent or blank
     * @throws ProblemException 400 when the body is not a JSON object of the expected shape
     */
    <T> T read(String body, Class<T> type, T empty) {
        if (body == null || body.isBlank()) {
            return empty;
        }
        try {
            T value = mapper.readValue(body, type);
            return value == null ? empty : value;
        } catch (JsonProcessingException e) {
            throw malformed();
        }
    }

    /**
     * Like {@link #read}, and also tells which fields the body names — with any value, {@code null} included — so a
     * field set to {@code null} can mean something else than an absent one.
     *
     * @throws ProblemException 400 when the body is not a JSON object of the expected shape
     */
    <T> Named<T> readNamed(String body, Class<T> type, T empty) {
        if (body == null || body.isBlank()) {
            return new Named<>(empty, Set.of());
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isNull()) {
                return new Named<>(empty, Set.of());
            }
            if (!tree.isObject()) {
                throw malformed();
            }
            Set<String> fields = new HashSet<>();
            tree.fieldNames().forEachRemaining(fields::add);
            return new Named<>(mapper.treeToValue(tree, type), fields);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw malformed();
        }
    }

    /** A parsed body and the names of the fields it contains. */
    record Named<T>(T value, Set<String> fields) {

        Named {
            fields = Set.copyOf(fields);
        }

        boolean names(String field) {
            return fields.contains(field);
        }
    }

    private static ProblemException malformed() {
        return new ProblemException(Problem.of(400, "malformed-body", "Malformed body",
                "the request body is not a JSON object of the expected shape"));
    }
}
