package io.thingbus.broker.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The Kafka client properties every client of the service shares: all {@code kafka.*} configuration (bootstrap
 * servers, security, …) as Quarkus collects it, without the consumer group that Quarkus adds by default (the edge
 * assigns partitions itself and commits nothing).
 */
final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    static Map<String, Object> base(Map<String, Object> kafkaConfig, String clientId) {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return settings;
    }
}
