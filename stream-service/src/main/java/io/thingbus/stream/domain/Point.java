package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One point to store in a channel. The triple (channel, time, record id) identifies it: storing the same point again
 * stores nothing. Times are kept to the microsecond (the store's precision) and must lie in the years 1–9999.
 *
 * @param device the device the channel belongs to (recorded when the channel is first seen)
 * @param recordId the id of the telemetry record (or of the HTTP write) the point came from; 1–256 characters
 */
public record Point(
        TenantId tenant,
        ChannelId channel,
        DeviceId device,
        Instant time,
        String recordId,
        Optional<Tag> tag,
        PointContent content) {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final int MAX_RECORD_ID_LENGTH = 256;

    public Point {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(content, "content");
        time = requireStorableTime(time);
        if (recordId.isEmpty() || recordId.length() > MAX_RECORD_ID_LENGTH) {
            throw new InvalidPointException("a record id has 1-" + MAX_RECORD_ID_LENGTH + " characters");
        }
        if (recordId.indexOf('\u0000') >= 0) {
            throw new InvalidPointException("a record id contains no NUL character");
        }
    }

    /** The same point in another channel (of the same tenant). */
    public Point inChannel(ChannelId other) {
        return other.equals(channel) ? this : new Point(tenant, other, device, time, recordId, tag, content);
    }

    /** The time truncated to microseconds; throws {@link InvalidPointException} outside the years 1–9999. */
    public static Instant requireStorableTime(Instant time) {
        Objects.requireNonNull(time, "time");
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new InvalidPointException("time " + time + " is outside the years 1-9999");
        }
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
