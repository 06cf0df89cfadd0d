package io.thingbus.stream.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.kafka.RetryBackoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The back-off the consumers use with their default settings (500 ms doubling up to 30 s), here up to 3 s. */
class RetryBackoffTest {

    @Test
    void pauses_doubleUpToTheMaximum_andStartOverAfterReset() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(3));

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(3));

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
    }
}
