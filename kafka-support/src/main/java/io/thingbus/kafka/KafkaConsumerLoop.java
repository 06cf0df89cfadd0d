package io.thingbus.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer on its own thread: polls its topics, hands each batch to a {@link BatchHandler}, and commits the
 * batch's offsets only after the handler returned (its work is durable then). When the handler throws, nothing is
 * committed or skipped: the consumer seeks back to the batch's first records and reads them again after a growing
 * pause ({@link RetryBackoff}), so a handler must be idempotent. A record that does not follow its schema is the
 * handler's to count and skip; it must never throw for one.
 *
 * <p>Thread-safety: {@link #start()} and {@link #stop()} may be called from any thread, once each; {@link #state()}
 * and {@link #lastFailure()} are for health checks.
 */
public final class KafkaConsumerLoop {

    /** Handles one batch; returns only when its work is durable. */
    @FunctionalInterface
    public interface BatchHandler {

        /**
         * @throws RuntimeException when the batch could not be handled now (database or Kafka unavailable); it is read
         *     again after the back-off
         */
        void handle(ConsumerRecords<byte[], byte[]> records);
    }

    /** What the loop is doing. */
    public enum State { STARTING, CONSUMING, RETRYING, STOPPED, FAILED }

    private static final Logger LOG = Logger.getLogger(KafkaConsumerLoop.class);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> consumerConfig;
    private final Duration pollTimeout;
    private final RetryBackoff backoff;
    private final BatchHandler handler;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure = "";
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param name the thread's name and how logs call this consumer
     * @param consumerConfig e.g. from {@link KafkaClientSettings#consumer}: manual commits, byte[] keys and values
     * @param backoff the pauses between attempts at a failed batch
     */
    public KafkaConsumerLoop(String name, List<String> topics, Map<String, Object> consumerConfig,
            Duration pollTimeout, RetryBackoff backoff, BatchHandler handler) {
        this.name = Objects.requireNonNull(name, "name");
        this.topics = List.copyOf(topics);
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    public synchronized void start() {
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Asks the loop to finish (a batch being handled completes and is committed) and waits up to 10 s for it. */
    public synchronized void stop() throws InterruptedException {
        stopSignal.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    public State state() {
        return state;
    }

    /** The failure the loop is retrying after, or empty while all is well. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Whether the thread runs and is not stuck retrying: for readiness checks. */
    public boolean healthy() {
        return state == State.CONSUMING || state == State.STARTING;
    }

    private void run() {
        try (Consumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(consumerConfig)) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(topics);
            state = State.CONSUMING;
            while (!stopping()) {
                pollOnce(kafkaConsumer);
            }
            state = State.STOPPED;
        } catch (WakeupException e) {
            state = State.STOPPED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.STOPPED;
        } catch (RuntimeException e) {
            state = State.FAILED;
            lastFailure = String.valueOf(e.getMessage());
            LOG.errorf(e, "%s failed and stopped", name);
        } finally {
            consumer = null;
        }
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void pollOnce(Consumer<byte[], byte[]> kafkaConsumer) throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = kafkaConsumer.poll(pollTimeout);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("reading " + topics + " failed: " + e.getMessage(), null);
            return;
        }
        if (!records.isEmpty()) {
            handleOrRewind(kafkaConsumer, records);
        }
    }

    private void handleOrRewind(Consumer<byte[], byte[]> kafkaConsumer, ConsumerRecords<byte[], byte[]> records)
            throws InterruptedException {
        try {
            handler.handle(records);
        } catch (RuntimeException e) {
            rewind(kafkaConsumer, records);
            failed("could not handle " + records.count() + " records of " + topics + ": " + e.getMessage(), e);
            return;
        }
        commit(kafkaConsumer);
        backoff.reset();
        lastFailure = "";
        state = State.CONSUMING;
    }

    private void commit(Consumer<byte[], byte[]> kafkaConsumer) {
        try {
            kafkaConsumer.commitSync();
        } catch (WakeupException e) {
            kafkaConsumer.commitSync();
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("%s: committing offsets failed (%s); the batch is stored and will be read again, "
                    + "which stores nothing twice", name, e.getMessage());
        }
    }

    private static void rewind(Consumer<byte[], byte[]> kafkaConsumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (kafkaConsumer.assignment().contains(partition)) {
                kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void failed(String failure, RuntimeException cause) throws InterruptedException {
        state = State.RETRYING;
        lastFailure = failure;
        Duration pause = backoff.next();
        if (cause == null) {
            LOG.warnf("%s: %s (next attempt in %s)", name, failure, pause);
        } else {
            LOG.warnf(cause, "%s: %s (next attempt in %s)", name, failure, pause);
        }
        stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }
}
