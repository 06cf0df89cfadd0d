package io.thingbus.device.api;

import io.thingbus.device.domain.FieldUpdate;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Validates the fields of one request body, collecting every violation so that a client learns all of them at once.
 * Not thread-safe: one instance per request.
 */
final class BodyInput {

    private final List<Problem.FieldViolation> violations = new ArrayList<>();

    /** An optional field: null means absent. */
    <T> Optional<T> optional(String field, String raw, Function<String, T> parser) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException e) {
            violations.add(new Problem.FieldViolation("body." + field, e.getMessage()));
            return Optional.empty();
        }
    }

    /** A field of a partial update: null (or absent) keeps it, {@code ""} clears it, anything else sets it. */
    <T> FieldUpdate<T> update(String field, String raw, Function<String, T> parser) {
        if (raw == null) {
            return FieldUpdate.keep();
        }
        if (raw.isEmpty()) {
            return FieldUpdate.clear();
        }
        return optional(field, raw, parser).map(FieldUpdate::set).orElseGet(FieldUpdate::keep);
    }

    /**
     * A field whose {@code null} means "back to the default": absent ({@code named} false) keeps it, {@code null} or
     * {@code ""} clears it, anything else sets it.
     */
    <T> FieldUpdate<T> resettable(String field, boolean named, String raw, Function<String, T> parser) {
        if (!named) {
            return FieldUpdate.keep();
        }
        return raw == null ? FieldUpdate.clear() : update(field, raw, parser);
    }

    /** @throws ProblemException 400 listing every violation, when there is any */
    void requireValid() {
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
            throw new ProblemException(Problem.invalid(detail, violations));
        }
    }
}
