package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BucketIntervalTest {

    @Test
    void wholeNumberAndUnit_areParsed() {
        assertThat(BucketInterval.parse("30s").length()).isEqualTo(Duration.ofSeconds(30));
        assertThat(BucketInterval.parse("5m").length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(BucketInterval.parse("1h").length()).isEqualTo(Duration.ofHours(1));
        assertThat(BucketInterval.parse(" 7d ").length()).isEqualTo(Duration.ofDays(7));
        assertThat(BucketInterval.parse("15m").text()).isEqualTo("15m");
    }

    @Test
    void anythingElse_isRefused() {
        for (String text : new String[] {null, "", "m", "0m", "-1m", "1.5h", "1w", "1M", "01m", "PT5M", "1 m",
                "1000000s"}) {
            assertThatThrownBy(() -> BucketInterval.parse(text)).as(String.valueOf(text))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void intervals_areAlignedToTheEpoch_notToTheRequest() {
        BucketInterval fiveMinutes = BucketInterval.parse("5m");

        assertThat(fiveMinutes.startOf(Instant.parse("2026-11-21T10:07:30.123456Z")))
                .isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
        assertThat(fiveMinutes.startOf(Instant.parse("2026-11-21T10:05:00Z")))
                .isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
        assertThat(BucketInterval.parse("1d").startOf(Instant.parse("2026-11-21T23:59:59.999999Z")))
                .isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void timesBeforeTheEpoch_fallIntoTheIntervalThatHoldsThem() {
        assertThat(BucketInterval.parse("1h").startOf(Instant.parse("1969-12-31T23:30:00Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
        assertThat(BucketInterval.parse("1d").startOf(Instant.parse("0001-01-01T12:00:00Z")))
                .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    @Test
    void countBetween_countsEveryIntervalTheRangeTouches() {
        BucketInterval minute = BucketInterval.parse("1m");

        assertThat(minute.countBetween(Instant.parse("2026-11-21T10:00:30Z"), Instant.parse("2026-11-21T10:00:40Z")))
                .isEqualTo(1);
        assertThat(minute.countBetween(Instant.parse("2026-11-21T10:00:30Z"), Instant.parse("2026-11-21T10:02:00Z")))
                .isEqualTo(3);
        assertThat(BucketInterval.parse("1d").countBetween(Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59Z"))).isEqualTo(3_652_059);
    }
}
