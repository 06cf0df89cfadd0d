package io.thingbus.stream.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A point as read back from a channel. */
public record StoredPoint(Instant time, String recordId, Optional<Tag> tag, PointValues values) {

    public StoredPoint {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(values, "values");
    }

    /** The cursor that continues a listing right after this point. */
    public PageCursor cursorAfter() {
        return new PageCursor(time, recordId);
    }
}
