package io.thingbus.stream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.PageCursor;
import io.thingbus.stream.domain.RangeStart;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TimeHeaderParserTest {

    private final TimeHeaderParser parser = new TimeHeaderParser();

    @Test
    void minutePrecisionTimes_areReadAsUtc() {
        TimeHeaderParser.TimeRange range = parser.range("2026-11-21 22:01", "2026-11-21 23:59");

        assertThat(range.start()).isEqualTo(new RangeStart.At(Instant.parse("2026-11-21T22:01:00Z")));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-21T23:59:00Z"));
    }

    @Test
    void secondsAndFractions_mayFollowTheMinutes() {
        TimeHeaderParser.TimeRange range = parser.range("2026-11-21 22:01:02", "2026-11-21 22:01:02.123");

        assertThat(range.start()).isEqualTo(new RangeStart.At(Instant.parse("2026-11-21T22:01:02Z")));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-21T22:01:02.123Z"));
    }

    @Test
    void isoInstants_withZuluOrOffset_areAccepted() {
        TimeHeaderParser.TimeRange range = parser.range("2026-11-21T22:01:02.5Z", "2026-11-22T08:00:00+09:00");

        assertThat(range.start()).isEqualTo(new RangeStart.At(Instant.parse("2026-11-21T22:01:02.500Z")));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-21T23:00:00Z"));
    }

    @Test
    void last_asStart_asksForTheNewestPoint() {
        TimeHeaderParser.TimeRange range = parser.range("last", "2026-11-21 22:01");

        assertThat(range.start()).isInstanceOf(RangeStart.Newest.class);
        assertThat(parser.range("LAST", "2026-11-21 22:01").start()).isInstanceOf(RangeStart.Newest.class);
    }

    @Test
    void cursorFromNext_asStart_continuesAfterIt() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-21T22:01:02.123456Z"), "rec-7");

        TimeHeaderParser.TimeRange range = parser.range(cursor.encode(), "2026-11-21 23:00");

        assertThat(range.start()).isEqualTo(new RangeStart.After(cursor));
    }

    @Test
    void missingEndTime_isRefusedNamingXEndtime() {
        assertRefused(() -> parser.range("2026-11-21 22:01", null), "X-ENDTIME");
        assertRefused(() -> parser.range("2026-11-21 22:01", "  "), "X-ENDTIME");
    }

    @Test
    void missingStartTime_isRefusedNamingXStarttime() {
        assertRefused(() -> parser.range(null, "2026-11-21 22:01"), "X-STARTTIME");
    }

    @Test
    void unreadableTimes_areRefusedNamingTheirHeader() {
        assertRefused(() -> parser.range("yesterday", "2026-11-21 22:01"), "X-STARTTIME");
        assertRefused(() -> parser.range("2026-11-21 22:01", "2026-11-21"), "X-ENDTIME");
        assertRefused(() -> parser.range("2026-02-30 10:00", "2026-11-21 22:01"), "X-STARTTIME");
        assertRefused(() -> parser.range("2026-11-21 24:00", "2026-11-21 22:01"), "X-STARTTIME");
        assertRefused(() -> parser.range("2026-11-21T22:01:02", "2026-11-21 22:01"), "X-STARTTIME");
    }

    @Test
    void lastOrCursor_asEndTime_isRefused() {
        assertRefused(() -> parser.range("2026-11-21 22:01", "last"), "X-ENDTIME");
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-21T22:01:02Z"), "r");
        assertRefused(() -> parser.range("2026-11-21 22:01", cursor.encode()), "X-ENDTIME");
    }

    @Test
    void brokenCursor_isRefusedNamingXStarttime() {
        assertRefused(() -> parser.range("cursor:not-base64!", "2026-11-21 22:01"), "X-STARTTIME");
        assertRefused(() -> parser.range("cursor:", "2026-11-21 22:01"), "X-STARTTIME");
    }

    @Test
    void startAfterEnd_isRefused() {
        assertRefused(() -> parser.range("2026-11-21 22:02", "2026-11-21 22:01"), "X-STARTTIME");
    }

    @Test
    void startEqualToEnd_isOneInstantRange() {
        TimeHeaderParser.TimeRange range = parser.range("2026-11-21 22:01", "2026-11-21T22:01:00Z");

        assertThat(range.start()).isEqualTo(new RangeStart.At(range.end()));
    }

    @Test
    void timesOutsideTheYears1To9999_areRefused() {
        assertRefused(() -> parser.range("+10000-01-01T00:00:00Z", "+10000-01-02T00:00:00Z"), "X-ENDTIME");
    }

    private static void assertRefused(ThrowingCallable call, String header) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    Problem problem = e.problem();
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.detail()).startsWith(header);
                    assertThat(problem.errors()).extracting(Problem.FieldViolation::field).containsExactly(header);
                });
    }
}
