package io.thingbus.stream.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A point written over HTTP: its values and, optionally, its time (the write's time when absent).
 */
public record PointInput(Optional<Instant> time, PointValues values) {

    public PointInput {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(values, "values");
    }
}
