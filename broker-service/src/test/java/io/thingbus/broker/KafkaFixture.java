package io.thingbus.broker;

import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.Topics;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What device-service does for the edge: publishes device tokens to the compacted credentials topic, and revokes them;
 * publishes the devices other users claimed to the compacted device claims topic, and tombstones them.
 */
public final class KafkaFixture implements AutoCloseable {

    private final TestProducer producer;

    public KafkaFixture(String bootstrapServers) {
        producer = new TestProducer(bootstrapServers);
    }

    public void grant(TestDevice device) {
        SecretHash hash = SecretHash.of(device.token());
        send(hash, DeviceCredentialRecord.CODEC.encode(new DeviceCredentialRecord(hash, device.tenant(), Instant.now())));
    }

    public void revoke(TestDevice device) {
        send(SecretHash.of(device.token()), null);
    }

    /** {@code claimer} claimed {@code device} away from {@code former}. */
    public void claim(TestDevice former, String device, TestDevice claimer) {
        DeviceClaimRecord record = new DeviceClaimRecord(former.tenant(), DeviceId.of(device), claimer.tenant(),
                Instant.now());
        send(Topics.DEVICE_CLAIMS, record.key().asString(), DeviceClaimRecord.CODEC.encode(record));
    }

    /** {@code former} registered {@code device} anew: a tombstone for its claim. */
    public void reclaim(TestDevice former, String device) {
        send(Topics.DEVICE_CLAIMS, former.key(device), null);
    }

    /** Writes anything to the device claims topic (for malformed-record tests). */
    public void sendRawClaim(String key, byte[] value) {
        send(Topics.DEVICE_CLAIMS, key, value);
    }

    /** Writes anything to the credentials topic (for malformed-record tests). */
    public void sendRaw(String key, byte[] value) {
        send(Topics.DEVICE_CREDENTIALS, key, value);
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void send(SecretHash hash, byte[] value) {
        sendRaw(hash.value(), value);
    }

    @Override
    public void close() {
        producer.close();
    }
}
