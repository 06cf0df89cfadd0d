package io.thingbus.stream.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.stream.domain.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class KafkaChannelPublisherTest {

    private static final UUID ID = UUID.fromString("7d1c0f7e-2b0a-4b53-9a57-0c6f3f3d2a10");
    private static final Instant TIME = Instant.parse("2026-11-21T10:00:00.123Z");

    @Test
    void channelRecord_goesToTheChannelsTopic_withCloudEventsHeaders() {
        byte[] value = "{\"channel_id\":\"kitchen\"}".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<String, byte[]> record = KafkaChannelPublisher.toRecord(
                new OutboxMessage(ID, TenantId.of("U1a2b3c4d"), "U1a2b3c4d/kitchen", value, TIME));

        assertThat(record.topic()).isEqualTo(Topics.CHANNELS);
        assertThat(record.key()).isEqualTo("U1a2b3c4d/kitchen");
        assertThat(record.value()).isEqualTo(value);
        assertThat(headers(record)).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", ID.toString()),
                Map.entry("ce_type", "io.thingbus.channel.v1"),
                Map.entry("ce_source", "//thingbus/stream-service"),
                Map.entry("ce_time", "2026-11-21T10:00:00.123Z"),
                Map.entry("content-type", "application/json"),
                Map.entry("tb_tenant", "U1a2b3c4d"));
    }

    @Test
    void deletion_isATombstoneWithTheSameHeadersButNoContentType() {
        ProducerRecord<String, byte[]> record = KafkaChannelPublisher.toRecord(
                new OutboxMessage(ID, TenantId.of("U1a2b3c4d"), "U1a2b3c4d/kitchen", null, TIME));

        assertThat(record.value()).isNull();
        assertThat(headers(record)).containsKeys("ce_id", "ce_type", "ce_source", "ce_time", "tb_tenant")
                .doesNotContainKey("content-type");
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
