package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConsumerLoopSettingsTest {

    private static final String PREFIX = "thingbus.example.consumer";
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void consumerConfig_isTheServicesKafkaSettings_inItsGroup_committingByHand_withAtMostMaxPollRecords() {
        ConsumerLoopSettings settings = new ConsumerLoopSettings(PREFIX, "example-service", 250, SECOND, SECOND,
                Duration.ofSeconds(30));

        Map<String, Object> config = settings.consumerConfig(KafkaClientSettings.of(Map.of(
                "bootstrap.servers", "kafka:9092", "enable.auto.commit", true, "security.protocol", "SSL")),
                "example-service-records", "earliest");

        assertThat(config).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "example-service")
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "example-service-records")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 250)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void aKafkaSettingKafkaWouldRefuse_isRefusedWhenTheConfigurationIsBuilt() {
        ConsumerLoopSettings settings = new ConsumerLoopSettings(PREFIX, "g", 1, SECOND, SECOND, SECOND);
        KafkaClientSettings kafka = KafkaClientSettings.of(Map.of("bootstrap.servers", "kafka:9092",
                "security.protocol", "CARRIER_PIGEON"));

        assertThatThrownBy(() -> settings.consumerConfig(kafka, "c", "earliest"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("security.protocol");
    }

    @Test
    void unusableValues_areRefused_namingTheProperty() {
        assertThatThrownBy(() -> new ConsumerLoopSettings(PREFIX, " ", 1, SECOND, SECOND, SECOND))
                .hasMessage(PREFIX + ".group-id must not be blank");
        assertThatThrownBy(() -> new ConsumerLoopSettings(PREFIX, "g", 0, SECOND, SECOND, SECOND))
                .hasMessage(PREFIX + ".max-poll-records must be at least 1");
        assertThatThrownBy(() -> new ConsumerLoopSettings(PREFIX, "g", 1, Duration.ZERO, SECOND, SECOND))
                .hasMessageStartingWith(PREFIX + ": poll-timeout");
        assertThatThrownBy(() -> new ConsumerLoopSettings(PREFIX, "g", 1, SECOND, SECOND, Duration.ofMillis(500)))
                .hasMessageContaining("retry-backoff-max at least retry-backoff-initial");
    }

    @Test
    void backoff_startsAtTheInitialPause_andDoublesUpToTheMaximum() {
        RetryBackoff backoff = new ConsumerLoopSettings(PREFIX, "g", 1, SECOND, Duration.ofMillis(500),
                Duration.ofMillis(800)).backoff();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(800));
    }
}
