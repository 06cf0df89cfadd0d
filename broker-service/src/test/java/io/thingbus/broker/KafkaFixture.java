package io.thingbus.broker;

import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What device-service does for the edge: publishes device tokens to the compacted credentials topic, and revokes them. */
public final class KafkaFixture implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public KafkaFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void grant(TestDevice device) {
        SecretHash hash = SecretHash.of(device.token());
        send(hash, DeviceCredentialRecord.CODEC.encode(new DeviceCredentialRecord(hash, device.tenant(), Instant.now())));
    }

    public void revoke(TestDevice device) {
        send(SecretHash.of(device.token()), null);
    }

    /** Writes anything to the credentials topic (for malformed-record tests). */
    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.DEVICE_CREDENTIALS, key, value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + Topics.DEVICE_CREDENTIALS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(SecretHash hash, byte[] value) {
        sendRaw(hash.value(), value);
    }

    @Override
    public void close() {
        producer.close();
    }
}
