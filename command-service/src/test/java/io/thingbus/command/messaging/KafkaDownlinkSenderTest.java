package io.thingbus.command.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaDownlinkSenderTest {

    @Test
    void producer_isIdempotentWithAcksAll_whateverTheClientSettingsSay() {
        Map<String, Object> properties = KafkaDownlinkSender.producerProperties(KafkaClientSettings.of(Map.of(
                "bootstrap.servers", "kafka:9092", "acks", "1", "enable.idempotence", false,
                "security.protocol", "SSL", "linger.ms", 50, "transactional.id", "t-1")), Duration.ofSeconds(5));

        assertThat(properties).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2500)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)
                .containsEntry("security.protocol", "SSL");
    }

    @Test
    void record_isKeyedByDevice_withThePayloadAsValue_andTheRecordsHeaders() {
        DownlinkRecord downlink = new DownlinkRecord("d-1", Instant.parse("2026-11-21T10:00:00Z"),
                "//thingbus/command-service", TenantId.of("U1"), DeviceId.of("dev-1"),
                DownlinkRecord.thingScaleTopic(DeviceId.of("dev-1")), Optional.of(SecretHash.of("tok")), 1,
                Optional.empty(), "application/json", "{}".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<String, byte[]> record = KafkaDownlinkSender.toProducerRecord(downlink);

        assertThat(record.topic()).isEqualTo(Topics.DOWNLINK);
        assertThat(record.key()).isEqualTo("U1/dev-1");
        assertThat(record.value()).isEqualTo(downlink.payload());
        List<String> headers = java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)).toList();
        assertThat(headers).containsExactlyElementsOf(
                downlink.headers().stream().map(h -> h.name() + "=" + h.value()).toList());
    }
}
