package io.thingbus.device.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

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
            throw new ProblemException(Problem.of(400, "malformed-body", "Malformed body",
                    "the request body is not a JSON object of the expected shape"));
        }
    }
}
