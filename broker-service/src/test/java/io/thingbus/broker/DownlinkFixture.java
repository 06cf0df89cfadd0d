package io.thingbus.broker;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What command-service does for the edge: writes delivery requests to the downlink topic. */
public final class DownlinkFixture implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public DownlinkFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
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
        try {
            producer.send(new ProducerRecord<>(Topics.DOWNLINK, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + Topics.DOWNLINK, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
