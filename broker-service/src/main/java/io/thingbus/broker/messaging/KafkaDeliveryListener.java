package io.thingbus.broker.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What {@link KafkaDownlinkListener} and {@link KafkaAttributePushListener} share: one {@link DeliveryConsumer} in a
 * consumer group of this instance, started after the MQTT broker and stopped at shutdown, and the two states the
 * health checks report. A subclass decides what one record becomes ({@link #deliver}) and counts retries.
 */
public abstract class KafkaDeliveryListener {

    private final DeliveryConsumer consumer;

    /**
     * @param name what it delivers, for its thread's name and log messages
     * @param settings the consumer settings, see {@link DeliveryConsumer#settings}
     */
    KafkaDeliveryListener(String topic, String name, Map<String, Object> settings) {
        this.consumer = new DeliveryConsumer(topic, name, settings, this::deliver, this::countRetry);
    }

    /** Starts after the MQTT broker, so that what it reads can be published. */
    void start(@Observes @Priority(30) StartupEvent event) {
        consumer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        consumer.stop();
    }

    /** Whether the listener thread runs; false after shutdown or when it died on an unexpected error. */
    public boolean isRunning() {
        return consumer.isRunning();
    }

    /** Whether partitions are assigned and positioned: records written from now on reach this instance. */
    public boolean isAssigned() {
        return consumer.isAssigned();
    }

    /**
     * Called on the consumer thread, see {@link DeliveryConsumer.RecordHandler#handle}: completes normally when the
     * record is done with (published or skipped), exceptionally when it must be retried. Never blocks, never throws.
     */
    abstract CompletableFuture<Void> deliver(ConsumerRecord<byte[], byte[]> record);

    /** Called once per record that must be retried (HiveMQ did not take a message over), to count it. */
    abstract void countRetry();
}
