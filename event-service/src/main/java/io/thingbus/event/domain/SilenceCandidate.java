package io.thingbus.event.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A no-data rule whose silence may be over, with since when its channel has been written to by the devices that write
 * to it now: the latest time one of them started to (it was registered, its registry entry came to name this channel,
 * or the channel it names was created or deleted). Silence is never counted from before it.
 */
public record SilenceCandidate(WatchedRule watched, Instant writersSince) {

    public SilenceCandidate {
        Objects.requireNonNull(watched, "watched");
        Objects.requireNonNull(writersSince, "writersSince");
    }
}
