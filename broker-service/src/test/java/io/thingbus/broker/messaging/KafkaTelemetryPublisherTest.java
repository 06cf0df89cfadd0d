package io.thingbus.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.KafkaForwardingConfig;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaTelemetryPublisherTest {

    @Test
    void kafkaRecord_isKeyedByDevice_withPayloadUnchanged_andHeadersThatReadBack() {
        TelemetryRecord record = new TelemetryRecord("id-1", Instant.parse("2026-11-21T10:15:30.123Z"), "//src",
                TenantId.of("Uab12cd34ef"), DeviceId.of("dev-1"), Optional.of("room"), PayloadFormat.JSON,
                Optional.of(new MqttOrigin("t/json/dev-1/room", 1, false, "c1", List.of(new Header("k", "v")))),
                "{\"temp\":20}".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, byte[]> kafka = KafkaTelemetryPublisher.toKafkaRecord(record);

        assertThat(kafka.topic()).isEqualTo(Topics.TELEMETRY);
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/dev-1");
        assertThat(kafka.value()).isEqualTo(record.payload());
        assertThat(kafka.timestamp()).isEqualTo(record.time().toEpochMilli());
        List<Header> headers = new ArrayList<>();
        kafka.headers().forEach(h -> headers.add(new Header(h.key(), new String(h.value(), StandardCharsets.UTF_8))));
        assertThat(TelemetryRecord.fromHeaders(headers, kafka.value())).isEqualTo(record);
    }

    @Test
    void producer_isIdempotent_acksAll_andUsesTheConfiguredTimeouts() {
        Map<String, Object> settings = KafkaTelemetryPublisher.producerSettings(
                Map.of("bootstrap.servers", "k:9092", "group.id", "broker-service"), config(Duration.ofSeconds(3), Duration.ofMillis(5)),
                new BrokerInstance("edge-1"));

        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2995)
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "thingbus-broker-telemetry-edge-1")
                .doesNotContainKey("group.id");
    }

    @Test
    void longDeliveryTimeout_keepsRequestTimeoutAt30Seconds() {
        Map<String, Object> settings = KafkaTelemetryPublisher.producerSettings(Map.of(), config(Duration.ofMinutes(2), Duration.ofMillis(5)),
                new BrokerInstance("edge-1"));

        assertThat(settings).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000);
    }

    @Test
    void deliveryTimeoutShorterThanLingerPlusOneSecond_stopsStartUp() {
        assertThatThrownBy(() -> KafkaTelemetryPublisher.producerSettings(Map.of(), config(Duration.ofSeconds(1), Duration.ofMillis(5)),
                new BrokerInstance("edge-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thingbus.broker.kafka.delivery-timeout");
    }

    private static KafkaForwardingConfig config(Duration delivery, Duration linger) {
        return new KafkaForwardingConfig() {
            @Override
            public Duration deliveryTimeout() {
                return delivery;
            }

            @Override
            public Duration linger() {
                return linger;
            }

            @Override
            public int maxPending() {
                return 10;
            }
        };
    }
}
