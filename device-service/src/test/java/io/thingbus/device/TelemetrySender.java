package io.thingbus.device;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes telemetry records as the broker does. Everything goes to one partition, so a later record proves that the
 * consumer has passed the earlier ones.
 */
final class TelemetrySender implements AutoCloseable {

    static final int PARTITION = 0;

    private final BlockingProducer producer = new BlockingProducer();

    static TelemetryRecord telemetry(String tenant, String device, String token) {
        String topic = token + "/json/" + device;
        return new TelemetryRecord(UUID.randomUUID().toString(), Instant.now(), "//thingbus/broker-service/test",
                TenantId.of(tenant), DeviceId.of(device), Optional.empty(), PayloadFormat.JSON,
                Optional.of(new MqttOrigin(topic, 1, false, device + "_test", List.of())),
                "{\"temp\":20}".getBytes(StandardCharsets.UTF_8), Optional.of(SecretHash.of(token)));
    }

    void send(TelemetryRecord record) {
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(Topics.TELEMETRY, PARTITION,
                record.key().asString(), record.payload());
        record.headers().forEach(h -> kafkaRecord.headers().add(h.name(), h.value().getBytes(StandardCharsets.UTF_8)));
        producer.send(kafkaRecord);
    }

    /** A record without any header: not telemetry by the contract. */
    void sendMalformed(String key) {
        producer.send(new ProducerRecord<>(Topics.TELEMETRY, PARTITION, key,
                "garbage".getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close();
    }
}
