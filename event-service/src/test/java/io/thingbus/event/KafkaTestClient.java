package io.thingbus.event;

import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Real Kafka clients on the test broker: writes telemetry, device and channel records exactly as broker-service,
 * device-service and stream-service do, and reads the alerts topic as an integrator would. Sends synchronously, so a
 * returned record is in the log.
 */
final class KafkaTestClient implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"),
            new ByteArraySerializer(), new ByteArraySerializer());

    void send(TelemetryRecord record) {
        send(Topics.TELEMETRY, record.key().asString(), record.headers(), record.payload());
    }

    void send(DeviceRecord record) {
        List<Header> headers = List.of(
                new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION),
                new Header(RecordHeaders.CE_ID, UUID.randomUUID().toString()),
                new Header(RecordHeaders.CE_TYPE, DeviceRecord.TYPE),
                new Header(RecordHeaders.CE_SOURCE, "//thingbus/device-service"),
                new Header(RecordHeaders.CE_TIME, record.updatedAt().toString()),
                new Header(RecordHeaders.TENANT, record.tenant().value()));
        send(Topics.DEVICES, record.key().asString(), headers, DeviceRecord.CODEC.encode(record));
    }

    void send(ChannelRecord record) {
        List<Header> headers = new ArrayList<>(channelHeaders(record.tenant(), record.updatedAt()));
        headers.add(new Header(RecordHeaders.CONTENT_TYPE, "application/json"));
        send(Topics.CHANNELS, record.key(), headers, ChannelRecord.CODEC.encode(record));
    }

    /** The tombstone stream-service writes when a channel is deleted. */
    void deleteChannel(TenantId tenant, ChannelId channel) {
        send(Topics.CHANNELS, ChannelRecord.key(tenant, channel), channelHeaders(tenant, Instant.now()), null);
    }

    private static List<Header> channelHeaders(TenantId tenant, Instant time) {
        return List.of(
                new Header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION),
                new Header(RecordHeaders.CE_ID, UUID.randomUUID().toString()),
                new Header(RecordHeaders.CE_TYPE, ChannelRecord.TYPE),
                new Header(RecordHeaders.CE_SOURCE, "//thingbus/stream-service"),
                new Header(RecordHeaders.CE_TIME, time.toString()),
                new Header(RecordHeaders.TENANT, tenant.value()));
    }

    /** Sends any record, e.g. a malformed one or a tombstone (null payload). */
    void send(String topic, String key, List<Header> headers, byte[] payload) {
        ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(topic,
                key.getBytes(StandardCharsets.UTF_8), payload);
        headers.forEach(h -> kafkaRecord.headers().add(
                new RecordHeader(h.name(), h.value().getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(kafkaRecord).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e.getCause());
        }
    }

    /** Every record on the alerts topic so far that belongs to {@code tenant}, in log order per partition. */
    static List<ConsumerRecord<byte[], byte[]>> alertsOf(TenantId tenant) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.ALERTS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    String key = new String(record.key(), StandardCharsets.UTF_8);
                    if (key.startsWith(tenant.value() + "/")) {
                        records.add(record);
                    }
                });
            }
            return records;
        }
    }

    static AlertRecord decode(ConsumerRecord<byte[], byte[]> record) {
        return AlertRecord.CODEC.decode(record.value());
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bootstrap() {
        return SharedInfrastructure.get().kafkaBootstrapServers();
    }

    @Override
    public void close() {
        producer.close();
    }
}
