package io.thingbus.stream.domain;

import java.util.Objects;

/** A point the store refused because of its data (not because the store was down), with the store's reason. */
public record RefusedPoint(Point point, String reason) {

    public RefusedPoint {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(reason, "reason");
    }
}
