package io.thingbus.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client settings for a service's producers and consumers: every {@code kafka.*} property of the configuration
 * (bootstrap servers, security, …; env {@code KAFKA_*}), plus what the delivery guarantees require, which cannot be
 * overridden. A CDI bean in every Quarkus service that has {@code quarkus-kafka-client}; {@link #of(Map)} for plain use.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> common;

    @Inject
    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    public static KafkaClientSettings of(Map<String, Object> common) {
        return new KafkaClientSettings(common);
    }

    /** The configured properties as they are (at least {@code bootstrap.servers}). */
    public Map<String, Object> common() {
        return common;
    }

    /** An idempotent producer with {@code acks=all}, String keys and byte[] values. */
    public Map<String, Object> producer(String clientId, Duration deliveryTimeout) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int timeoutMs = Math.toIntExact(deliveryTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return config;
    }

    /**
     * A consumer that commits only when told to, with byte[] keys and values (decoding is the caller's business, so a
     * record that cannot be decoded never stops the partition).
     */
    public Map<String, Object> consumer(String clientId, String groupId, String autoOffsetReset) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }
}
