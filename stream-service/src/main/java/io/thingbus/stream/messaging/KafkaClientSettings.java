package io.thingbus.stream.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings for this service's Kafka clients: every {@code kafka.*} property of the configuration (bootstrap
 * servers, security, …; env {@code KAFKA_*}), plus what the delivery guarantees require, which cannot be overridden.
 */
@Singleton
public class KafkaClientSettings {

    private final Map<String, Object> common;

    @Inject
    public KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    /** The configured {@code kafka.*} properties as they are. */
    public Map<String, Object> common() {
        return common;
    }

    /** An idempotent producer with {@code acks=all} that gives up on a record after {@code deliveryTimeout}. */
    public Map<String, Object> producer(String clientId, Duration deliveryTimeout) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int timeoutMs = Math.toIntExact(deliveryTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return config;
    }
}
