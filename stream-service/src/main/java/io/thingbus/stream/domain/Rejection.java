package io.thingbus.stream.domain;

import java.util.Objects;

/**
 * A telemetry record that did not become a point, and why. Rejections are permanent: the same record is rejected
 * the same way on a replay.
 *
 * @param recordId the telemetry record's id
 * @param detail a human-readable reason, without stack traces or class names
 */
public record Rejection(String recordId, Reason reason, String detail) {

    /** Why a record was rejected. */
    public enum Reason {
        /** The payload is not a JSON object or number, or holds a value the store cannot keep. */
        INVALID_PAYLOAD,
        /** The store refused the point's data. */
        REFUSED_BY_STORE
    }

    public Rejection {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
