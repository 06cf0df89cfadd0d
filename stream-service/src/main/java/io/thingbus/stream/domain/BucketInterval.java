package io.thingbus.stream.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The length of the intervals an aggregation divides time into, written as a whole number and a unit: {@code 30s},
 * {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d} (1 to 999999 of {@code s}, {@code m}, {@code h} or {@code d}; a day is
 * 24 hours). Intervals are aligned to the Unix epoch (1970-01-01T00:00:00Z): a 5-minute interval starts at a multiple
 * of 5 minutes after it, a day at midnight UTC, whatever the requested range. Immutable.
 */
public record BucketInterval(Duration length, String text) {

    /** Where the intervals are aligned. */
    public static final Instant ORIGIN = Instant.EPOCH;

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,5})([smhd])");
    private static final long MICROS_PER_SECOND = 1_000_000L;

    public BucketInterval {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(text, "text");
        if (length.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("an interval is at least 1s");
        }
    }

    /** @throws IllegalArgumentException when the text is not a number and a unit as described above */
    public static BucketInterval parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a whole number and a unit: 30s, 1m, 5m, 1h, 1d");
        }
        long amount = Long.parseLong(matcher.group(1));
        ChronoUnit unit = switch (matcher.group(2)) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        return new BucketInterval(unit.getDuration().multipliedBy(amount), matcher.group());
    }

    /** The start of the interval that holds {@code time}. */
    public Instant startOf(Instant time) {
        long index = Math.floorDiv(micros(time) - micros(ORIGIN), lengthMicros());
        return ORIGIN.plus(Duration.of(index * lengthMicros(), ChronoUnit.MICROS));
    }

    /** How many intervals hold some time from {@code start} to {@code end} (inclusive); at least 1. */
    public long countBetween(Instant start, Instant end) {
        return Duration.between(startOf(start), startOf(end)).dividedBy(length) + 1;
    }

    /** The start of the interval {@code n} intervals after the one starting at {@code intervalStart}. */
    public Instant after(Instant intervalStart, int n) {
        return intervalStart.plus(length.multipliedBy(n));
    }

    private long lengthMicros() {
        return length.getSeconds() * MICROS_PER_SECOND;
    }

    private static long micros(Instant time) {
        return time.getEpochSecond() * MICROS_PER_SECOND + time.getNano() / 1000L;
    }

    @Override
    public String toString() {
        return text;
    }
}
