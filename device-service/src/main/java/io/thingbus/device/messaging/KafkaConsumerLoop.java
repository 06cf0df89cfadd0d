package io.thingbus.device.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer on its own thread: polls one topic, hands each batch to a {@link BatchHandler}, and commits the
 * batch's offsets only after the handler returned (its work is durable then). When the handler throws, nothing is
 * committed: the consumer seeks back to the batch's first records and reads the batch again after a back-off, so a
 * handler must be idempotent. Not reusable: start once, stop once.
 */
final class KafkaConsumerLoop {

    /** Handles one batch; returns only when its work is durable. */
    @FunctionalInterface
    interface BatchHandler {

        /**
         * @throws RuntimeException when the batch could not be handled (database or Kafka unavailable); it is read
         *     again after the back-off. Records that do not follow their schema must be skipped, not thrown.
         */
        void handle(ConsumerRecords<byte[], byte[]> records);
    }

    private static final Logger LOG = Logger.getLogger(KafkaConsumerLoop.class);

    private final String name;
    private final String topic;
    private final Map<String, Object> consumerConfig;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final BatchHandler handler;
    private volatile boolean running;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param name the thread's name and how logs call this consumer
     * @param consumerConfig from {@link KafkaClientSettings#consumer}: manual commits, byte[] keys and values
     */
    KafkaConsumerLoop(String name, String topic, Map<String, Object> consumerConfig, Duration pollTimeout,
                      Duration retryBackoff, BatchHandler handler) {
        this.name = name;
        this.topic = topic;
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
        this.handler = handler;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Wakes the consumer and waits (at most 10 s) for the thread to end. */
    synchronized void stop() throws InterruptedException {
        running = false;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** Whether the thread is running. */
    boolean alive() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    private void run() {
        try (Consumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(List.of(topic));
            while (running) {
                pollSafely(kafkaConsumer);
            }
        } catch (WakeupException e) {
            LOG.debugf("%s stopped", name);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed and stopped", name);
        } finally {
            consumer = null;
        }
    }

    private void pollSafely(Consumer<byte[], byte[]> kafkaConsumer) {
        try {
            pollOnce(kafkaConsumer);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: reading %s failed, retrying in %s", name, topic, retryBackoff);
            backOff();
        }
    }

    private void pollOnce(Consumer<byte[], byte[]> kafkaConsumer) {
        ConsumerRecords<byte[], byte[]> records = kafkaConsumer.poll(pollTimeout);
        if (records.isEmpty()) {
            return;
        }
        try {
            handler.handle(records);
            kafkaConsumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("%s: could not handle %d records of %s, reading them again in %s: %s", name, records.count(),
                    topic, retryBackoff, e.getMessage());
            rewind(kafkaConsumer, records);
            backOff();
        }
    }

    private static void rewind(Consumer<byte[], byte[]> kafkaConsumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (kafkaConsumer.assignment().contains(partition)) {
                kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void backOff() {
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
