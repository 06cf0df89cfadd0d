package io.thingbus.broker;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** What command-service does for the edge: writes delivery requests to the downlink topic. */
public final class DownlinkFixture implements AutoCloseable {

    private final TestProducer producer;

    public DownlinkFixture(String bootstrapServers) {
        producer = new TestProducer(bootstrapServers);
    }

    /** A ThingScale command to {@code <token>/<deviceId>/subscribe}. */
    public static DownlinkRecord command(TestDevice device, String deviceId, int qos, Optional<Instant> expiry,
            String payload) {
        return new DownlinkRecord(UUID.randomUUID().toString(), Instant.now(), "//thingbus/test",
                device.tenant(), DeviceId.of(deviceId), DownlinkRecord.thingScaleTopic(DeviceId.of(deviceId)),
                Optional.of(SecretHash.of(device.token())), qos, expiry, "application/json",
                payload.getBytes(StandardCharsets.UTF_8));
    }

    public void send(DownlinkRecord record) {
        List<Header> headers = record.headers().stream()
                .map(h -> (Header) new RecordHeader(h.name(), h.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
        sendRaw(record.key().asString(), record.payload(), headers);
    }

    /** Writes anything to the downlink topic (for malformed-record tests). */
    public void sendRaw(String key, byte[] value, List<Header> headers) {
        producer.send(new ProducerRecord<>(Topics.DOWNLINK, null, key, value, headers));
    }

    @Override
    public void close() {
        producer.close();
    }
}
