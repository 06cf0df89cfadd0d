package io.thingbus.stream.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a channel's points.
 *
 * @param start the start the page was asked from (for {@code last}: the newest point's time, or empty when there is
 *        none)
 * @param next where the following page starts, or empty when this page holds the last matching point
 */
public record StreamPage(Channel channel, Optional<Instant> start, Instant end, List<StoredPoint> points,
        Optional<PageCursor> next) {

    public StreamPage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(next, "next");
        points = List.copyOf(points);
    }
}
