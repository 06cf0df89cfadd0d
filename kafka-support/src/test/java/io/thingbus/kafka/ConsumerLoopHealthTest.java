package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.kafka.KafkaConsumerLoop.State;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsumerLoopHealthTest {

    @Test
    void aConsumingLoop_isLiveAndReady_andShowsItsState() {
        ConsumerLoopHealth health = ConsumerLoopHealth.of("telemetry-consumer", State.CONSUMING, "");

        assertThat(health.name()).isEqualTo("telemetry-consumer");
        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isTrue();
        assertThat(health.data()).containsExactly(Map.entry("state", "consuming"));
    }

    @Test
    void aRetryingLoop_isLiveButNotReady_andShowsTheFailureItRetriesAfter() {
        ConsumerLoopHealth health = ConsumerLoopHealth.of("device-consumer", State.RETRYING, "database unavailable");

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isFalse();
        assertThat(health.data()).containsExactly(Map.entry("state", "retrying"),
                Map.entry("lastFailure", "database unavailable"));
    }

    @Test
    void aStoppedOrFailedLoop_isNeitherLiveNorReady() {
        for (State state : new State[] {State.STOPPED, State.FAILED}) {
            ConsumerLoopHealth health = ConsumerLoopHealth.of("c", state, "boom");

            assertThat(health.live()).as(state.name()).isFalse();
            assertThat(health.ready()).as(state.name()).isFalse();
        }
    }

    @Test
    void aStartingLoop_isLiveAndReady() {
        ConsumerLoopHealth health = ConsumerLoopHealth.of("c", State.STARTING, "");

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isTrue();
        assertThat(health.data()).containsEntry("state", "starting");
    }

    @Test
    void aSwitchedOffLoop_isUp_withStateDisabled() {
        ConsumerLoopHealth health = ConsumerLoopHealth.of("telemetry-consumer", Optional.empty());

        assertThat(health.live()).isTrue();
        assertThat(health.ready()).isTrue();
        assertThat(health.data()).containsExactly(Map.entry("state", "disabled"));
    }
}
