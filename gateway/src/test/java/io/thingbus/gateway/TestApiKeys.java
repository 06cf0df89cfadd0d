package io.thingbus.gateway;

import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Issues and revokes API keys the way device-service does: records on the compacted API-key topic. */
public final class TestApiKeys {

    private static KafkaProducer<String, byte[]> producer;

    private TestApiKeys() {
    }

    public static TenantId freshTenant() {
        return TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    public static String freshKey() {
        return "tbk_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Writes an API-key record for a new key of {@code tenant} and returns the key. */
    public static String issue(TenantId tenant) {
        String key = freshKey();
        SecretHash hash = SecretHash.of(key);
        send(hash.value(), ApiKeyRecord.CODEC.encode(new ApiKeyRecord(hash, tenant, "basic", Instant.now())));
        return key;
    }

    /** Writes the tombstone that revokes {@code key}. */
    public static void revoke(String key) {
        send(SecretHash.of(key).value(), null);
    }

    /** Writes any record, acknowledged by Kafka when this returns. */
    public static void send(String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(Topics.API_KEYS, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + Topics.API_KEYS, e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
