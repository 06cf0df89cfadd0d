package io.thingbus.device;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes {@code thingbus.channels.v1} exactly as stream-service does: key {@code <tenant>/<channel id>}, the JSON of
 * {@link ChannelRecord#CODEC} (null for a deleted channel) and the CloudEvents headers with {@code tb_tenant}.
 * Records are keyed, so the records of one channel stay in order.
 */
final class ChannelAnnouncer implements AutoCloseable {

    static final String SOURCE = "//thingbus/stream-service";

    private final BlockingProducer producer = new BlockingProducer();

    /** Announces channel {@code channel} of {@code tenant}, associated with {@code device}. */
    void announce(String tenant, String channel, String device) {
        announceOn(null, tenant, channel, device);
    }

    /**
     * Like {@link #announce}, on {@code partition} (null: by key), so a test knows that everything before it there
     * was read.
     */
    void announceOn(Integer partition, String tenant, String channel, String device) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ChannelRecord record = new ChannelRecord(TenantId.of(tenant), ChannelId.of(channel), DeviceId.of(device),
                channel, List.of(), now, now);
        send(new ProducerRecord<>(Topics.CHANNELS, partition, record.key(), ChannelRecord.CODEC.encode(record)),
                tenant, true);
    }

    /** The tombstone stream-service publishes when the channel is deleted. */
    void delete(String tenant, String channel) {
        String key = ChannelRecord.key(TenantId.of(tenant), ChannelId.of(channel));
        send(new ProducerRecord<>(Topics.CHANNELS, key, null), tenant, false);
    }

    /** A record with exactly the given partition, key, headers and value, as a faulty writer might produce it. */
    void sendRaw(int partition, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHANNELS, partition, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    private void send(ProducerRecord<String, byte[]> record, String tenant, boolean withValue) {
        record.headers().add(RecordHeaders.CE_SPECVERSION, bytes(RecordHeaders.CLOUDEVENTS_VERSION));
        record.headers().add(RecordHeaders.CE_ID, bytes(UUID.randomUUID().toString()));
        record.headers().add(RecordHeaders.CE_TYPE, bytes(ChannelRecord.TYPE));
        record.headers().add(RecordHeaders.CE_SOURCE, bytes(SOURCE));
        record.headers().add(RecordHeaders.CE_TIME, bytes(Instant.now().toString()));
        if (withValue) {
            record.headers().add(RecordHeaders.CONTENT_TYPE, bytes("application/json"));
        }
        record.headers().add(RecordHeaders.TENANT, bytes(tenant));
        producer.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
