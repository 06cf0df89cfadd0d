package io.thingbus.device.messaging;

import io.thingbus.kafka.KafkaConsumerLoop.BatchHandler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owns this service's Kafka consumers, one per feature ({@link FeatureConsumer}): starts each one when its bean asks at
 * start-up, tells the health checks about them by name, and stops them all when the application stops. Thread-safe.
 */
@ApplicationScoped
public class FeatureConsumers {

    private final Map<String, FeatureConsumer> consumers = new ConcurrentHashMap<>();

    /**
     * Starts {@code consumer} on {@code topic} (or only logs its disabled notice when its feature is switched off).
     *
     * @param consumerConfig from {@link io.thingbus.kafka.KafkaClientSettings#consumer}
     * @param handler returns when the batch's work is durable; throws to have the batch read again
     * @throws IllegalStateException when a consumer of that name was started already
     */
    void start(FeatureConsumer consumer, String topic, Map<String, Object> consumerConfig, BatchHandler handler) {
        if (consumers.putIfAbsent(consumer.name(), consumer) != null) {
            throw new IllegalStateException("consumer " + consumer.name() + " was started already");
        }
        consumer.start(topic, consumerConfig, handler);
    }

    /**
     * Whether the consumer of that name is switched off or its thread runs (readiness); false before it was started.
     *
     * @param name e.g. {@code telemetry-consumer}
     */
    public boolean healthy(String name) {
        FeatureConsumer consumer = consumers.get(name);
        return consumer != null && consumer.healthy();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (FeatureConsumer consumer : consumers.values()) {
            consumer.stop();
        }
    }
}
