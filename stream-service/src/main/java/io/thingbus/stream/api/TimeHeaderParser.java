package io.thingbus.stream.api;

import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.PageCursor;
import io.thingbus.stream.domain.Point;
import io.thingbus.stream.domain.RangeStart;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Reads the time headers of a stream request ({@code X-STARTTIME}, {@code X-ENDTIME}) and the times of written points.
 * A time is {@code YYYY-MM-DD hh:mm} in UTC (seconds and fractions may follow: {@code YYYY-MM-DD hh:mm:ss.SSS}) or an
 * ISO-8601 instant with {@code Z} or an offset ({@code 2026-11-21T22:01:02.123Z}, {@code 2026-11-22T07:01+09:00}).
 * {@code X-STARTTIME} may also be {@code last} or a cursor from a page's {@code next}. Invalid input is refused with a
 * 400 problem naming the header. Pure and thread-safe.
 */
public final class TimeHeaderParser {

    static final String LAST = "last";

    private static final String FORMATS =
            "expected 'YYYY-MM-DD hh:mm' (UTC) or an ISO-8601 instant such as 2026-11-21T22:01:02Z";

    private static final DateTimeFormatter UTC_MINUTES = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm")
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** A parsed range: where it starts and its inclusive end. */
    public record TimeRange(RangeStart start, Instant end) {
    }

    /**
     * Reads both headers.
     *
     * @throws ProblemException (400) when a header is missing or invalid, or the start is after the end
     */
    public TimeRange range(String startHeader, String endHeader) {
        Instant end = instant(StreamHeaders.END_TIME, required(StreamHeaders.END_TIME, endHeader));
        RangeStart start = start(required(StreamHeaders.START_TIME, startHeader));
        Instant earliest = start.earliestTime();
        if (earliest != null && earliest.isAfter(end)) {
            throw invalid(StreamHeaders.START_TIME, "is after " + StreamHeaders.END_TIME);
        }
        return new TimeRange(start, end);
    }

    /**
     * Reads one time (not {@code last}, not a cursor).
     *
     * @param field how to name the input in a problem ({@code X-ENDTIME}, {@code body[0].time})
     * @throws ProblemException (400) when the text is not a time in a supported format and in the years 1–9999
     */
    public Instant instant(String field, String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(LAST) || PageCursor.looksLikeCursor(trimmed)) {
            throw invalid(field, "'" + LAST + "' and cursors are only accepted in " + StreamHeaders.START_TIME);
        }
        Instant time = parse(trimmed, field);
        try {
            return Point.requireStorableTime(time);
        } catch (InvalidPointException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private RangeStart start(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(LAST)) {
            return new RangeStart.Newest();
        }
        if (PageCursor.looksLikeCursor(trimmed)) {
            return new RangeStart.After(cursor(trimmed));
        }
        return new RangeStart.At(instant(StreamHeaders.START_TIME, trimmed));
    }

    private static PageCursor cursor(String text) {
        try {
            return PageCursor.decode(text);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid(StreamHeaders.START_TIME, "is not a cursor returned in 'next'");
        }
    }

    private static Instant parse(String text, String field) {
        try {
            return text.indexOf('T') > 0 || text.indexOf('t') > 0
                    ? Instant.parse(text.toUpperCase(Locale.ROOT))
                    : LocalDateTime.parse(text, UTC_MINUTES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw invalid(field, FORMATS);
        }
    }

    private static String required(String header, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(header, "required header is missing");
        }
        return value;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }
}
