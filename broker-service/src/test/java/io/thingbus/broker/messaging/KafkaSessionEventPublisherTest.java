package io.thingbus.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaSessionEventPublisherTest {

    private static final SessionEventRecord CONNECTED = new SessionEventRecord("connected", TenantId.of("Uab12cd34ef"),
            "dev-1_ab", "c-1", "edge-1", SecretHash.of("MyToken42"), "tls", "5", List.of(), null,
            Instant.parse("2026-11-21T10:00:00.123Z"));

    @Test
    void kafkaRecord_isKeyedByTenantAndClient_withTheJsonValue_andCloudEventsHeaders() {
        ProducerRecord<String, byte[]> record = KafkaSessionEventPublisher.toKafkaRecord(CONNECTED, "id-1",
                "//thingbus/broker-service/edge-1");

        assertThat(record.topic()).isEqualTo(Topics.LIFECYCLE);
        assertThat(record.key()).isEqualTo("Uab12cd34ef/dev-1_ab");
        assertThat(SessionEventRecord.CODEC.decode(record.value())).isEqualTo(CONNECTED);
        assertThat(record.timestamp()).isEqualTo(CONNECTED.at().toEpochMilli());
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "id-1"),
                Map.entry("ce_type", "io.thingbus.session-event.v1"),
                Map.entry("ce_source", "//thingbus/broker-service/edge-1"),
                Map.entry("ce_time", "2026-11-21T10:00:00.123Z"),
                Map.entry("content-type", "application/json"),
                Map.entry("tb_tenant", "Uab12cd34ef"));
    }

    @Test
    void producer_isIdempotent_withAcksAll() {
        Map<String, Object> settings = KafkaSessionEventPublisher.producerSettings(
                KafkaClientSettings.of(Map.of("bootstrap.servers", "k:9092", "group.id", "x")),
                new BrokerInstance("edge-1"));

        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "thingbus-broker-lifecycle-edge-1")
                .doesNotContainKey("group.id");
    }
}
