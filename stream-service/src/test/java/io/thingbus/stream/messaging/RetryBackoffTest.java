package io.thingbus.stream.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

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
