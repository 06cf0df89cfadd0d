package io.thingbus.bench;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A backlog of device telemetry on {@link Topics#TELEMETRY}, written exactly as broker-service writes what a device
 * publishes to {@code <TOKEN>/json/<device>} with QoS 1 (see broker-service's {@code ThingScalePublishMapper} and
 * {@code UplinkRecords}): key = the device key, value = the payload bytes, headers = the record's CloudEvents, token
 * hash and MQTT headers, timestamp = the record's time; an idempotent producer with {@code acks=all}, as the broker's.
 *
 * <p>Each payload is a JSON object of four numbers, as a sensor sends it ({@code {"temp":21.37,"humidity":48.2,
 * "pressure":1013.4,"battery":3.92}}). Records go to the devices in turn, so every device gets the same share.
 */
final class TelemetryBacklog {

    private static final String SOURCE = "//thingbus/broker-service/storage-benchmark";
    private static final String TOKEN = "storage-benchmark-token";

    private final TenantId tenant;
    private final List<DeviceId> devices;
    private final SplittableRandom random = new SplittableRandom(42);

    /** @param devices how many devices of {@code tenant} publish: {@code sensor-000}, {@code sensor-001}, … */
    TelemetryBacklog(TenantId tenant, int devices) {
        this.tenant = tenant;
        this.devices = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            this.devices.add(DeviceId.of(String.format(Locale.ROOT, "sensor-%03d", d)));
        }
    }

    /** Writes {@code records} records and returns once Kafka acknowledged every one. */
    void produce(String bootstrapServers, int records) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            List<Future<?>> sent = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                sent.add(producer.send(kafkaRecord(record(devices.get(i % devices.size())))));
            }
            producer.flush();
            for (Future<?> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }

    /** What the broker makes of one publish by {@code device}: a fresh id, the current time, the token's hash. */
    private TelemetryRecord record(DeviceId device) {
        String topic = TOKEN + "/json/" + device.value();
        MqttOrigin origin = new MqttOrigin(topic, 1, false, device.value(), List.of());
        return new TelemetryRecord(UUID.randomUUID().toString(), Instant.now(), SOURCE, tenant, device,
                Optional.empty(), PayloadFormat.JSON, Optional.of(origin), payload(),
                Optional.of(SecretHash.of(TOKEN)));
    }

    private byte[] payload() {
        return String.format(Locale.ROOT, "{\"temp\":%.2f,\"humidity\":%.1f,\"pressure\":%.1f,\"battery\":%.2f}",
                random.nextDouble(15, 30), random.nextDouble(30, 70), random.nextDouble(990, 1030),
                random.nextDouble(3.3, 4.2)).getBytes(StandardCharsets.UTF_8);
    }

    private static ProducerRecord<String, byte[]> kafkaRecord(TelemetryRecord record) {
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(Topics.TELEMETRY, null,
                record.time().toEpochMilli(), record.key().asString(), record.payload());
        for (Header header : record.headers()) {
            kafkaRecord.headers().add(header.name(), header.value().getBytes(StandardCharsets.UTF_8));
        }
        return kafkaRecord;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "storage-benchmark",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all");
    }
}
