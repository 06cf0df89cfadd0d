package io.thingbus.stream.domain;

import java.time.Instant;
import java.util.Objects;

/** Where a stream query starts: at a time (inclusive), right after a cursor, or only the newest point. */
public sealed interface RangeStart {

    /** Points at or after {@code time}. */
    record At(Instant time) implements RangeStart {
        public At {
            Objects.requireNonNull(time, "time");
        }
    }

    /** Points strictly after the cursor's (time, record id). */
    record After(PageCursor cursor) implements RangeStart {
        public After {
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** Only the newest point at or before the end ({@code X-STARTTIME: last}). */
    record Newest() implements RangeStart {
    }

    /** The earliest time this start admits, or null for {@link Newest}. */
    default Instant earliestTime() {
        if (this instanceof At at) {
            return at.time();
        }
        if (this instanceof After after) {
            return after.cursor().time();
        }
        return null;
    }
}
