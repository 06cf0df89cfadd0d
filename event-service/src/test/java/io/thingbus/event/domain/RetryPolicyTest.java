package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(30));

    @Test
    void theBackoffDoubles_upToTheMaximum() {
        assertThat(policy.pauseAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.pauseAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.pauseAfter(3)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.pauseAfter(40)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFailureBeforeTheLastAttempt_isRetriedAfterTheBackoff() {
        DeliveryResult result = policy.afterFailure(2, new DeliveryException("HTTP 500", false), NOW);

        assertThat(result).isEqualTo(new DeliveryResult.Retry(NOW, NOW.plusSeconds(20), "HTTP 500"));
    }

    @Test
    void theLastAttemptsFailure_isFinal() {
        assertThat(policy.afterFailure(5, new DeliveryException("HTTP 500", false), NOW))
                .isEqualTo(new DeliveryResult.Failed(NOW, "HTTP 500"));
    }

    @Test
    void aPermanentFailure_isFinalAtOnce() {
        assertThat(policy.afterFailure(1, new DeliveryException("refused", true), NOW))
                .isInstanceOf(DeliveryResult.Failed.class);
    }

    @Test
    void settingsOutOfRange_areRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
