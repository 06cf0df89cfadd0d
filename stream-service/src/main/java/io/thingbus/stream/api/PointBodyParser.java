package io.thingbus.stream.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.JsonCodec;
import io.thingbus.stream.domain.PayloadDecoder;
import io.thingbus.stream.domain.PointInput;
import io.thingbus.stream.domain.PointValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code POST /stream/{channel_id}}: one point or a JSON array of points. A point is
 * <ul>
 *   <li>{@code {"time": "...", "values": {...}}} — an object with a {@code values} member (and optionally
 *       {@code time}, nothing else);</li>
 *   <li>any other JSON object — its fields are the values, at the time of the write;</li>
 *   <li>a bare number — stored as {@code value1}, at the time of the write.</li>
 * </ul>
 * Invalid bodies are refused with a 400 problem naming the offending part ({@code body[2].time}). Thread-safe.
 */
final class PointBodyParser {

    private static final String TIME = "time";
    private static final String VALUES = "values";

    private final PayloadDecoder decoder;
    private final TimeHeaderParser times;

    PointBodyParser(PayloadDecoder decoder, TimeHeaderParser times) {
        this.decoder = decoder;
        this.times = times;
    }

    List<PointInput> parse(String body, int maxPoints) {
        JsonNode json = read(body);
        if (!json.isArray()) {
            return List.of(point(json, "body"));
        }
        if (json.isEmpty() || json.size() > maxPoints) {
            throw invalid("body", "an array of 1 to " + maxPoints + " points");
        }
        List<PointInput> points = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            points.add(point(json.get(i), "body[" + i + "]"));
        }
        return points;
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("body", "a JSON object, a number, or an array of points is required");
        }
        try {
            return JsonCodec.read(body);
        } catch (InvalidPointException e) {
            throw invalid("body", e.getMessage());
        }
    }

    private PointInput point(JsonNode json, String path) {
        try {
            if (json.isObject() && json.has(VALUES)) {
                return timedPoint(json, path);
            }
            return new PointInput(Optional.empty(), decoder.fromJson(json));
        } catch (InvalidPointException e) {
            throw invalid(path, e.getMessage());
        }
    }

    private PointInput timedPoint(JsonNode json, String path) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(TIME) && !name.equals(VALUES)) {
                throw invalid(path + "." + name, "a point with 'values' has only 'time' and 'values'");
            }
        }
        JsonNode values = json.get(VALUES);
        if (!values.isObject()) {
            throw invalid(path + "." + VALUES, "must be a JSON object");
        }
        return new PointInput(time(json.get(TIME), path + "." + TIME),
                PointValues.of((ObjectNode) values));
    }

    private Optional<Instant> time(JsonNode time, String path) {
        if (time == null || time.isNull()) {
            return Optional.empty();
        }
        if (!time.isTextual()) {
            throw invalid(path, "must be a string: 'YYYY-MM-DD hh:mm' (UTC) or an ISO-8601 instant");
        }
        return Optional.of(times.instant(path, time.textValue()));
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }
}
