package io.thingbus.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
 * handler's to count and skip; it must never throw for one. {@link ConsumerListener}s hear when the consumer is
 * created and closed and which partitions it holds, e.g. to bind its metrics.
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

    /**
     * Hears what happens to the loop's Kafka consumer: to bind its metrics while it exists, or to know since when it
     * holds which partitions. Every method is called on the loop's thread, in the order things happen, and must return
     * quickly; what one throws is logged and does not disturb the loop. Each does nothing unless overridden.
     */
    public interface ConsumerListener {

        /**
         * The consumer exists, with all its metrics registered, and is about to subscribe. The consumer belongs to the
         * loop's thread: a listener may keep it only to read {@link Consumer#metrics()}, which is safe from any thread
         * (as Micrometer's {@code KafkaClientMetrics} does), and must call nothing else on it.
         */
        default void created(Consumer<?, ?> consumer) {
        }

        /**
         * The consumer group handed out partitions (the first join, a rebalance) and this consumer now holds
         * {@code held}; empty when it got none.
         */
        default void assigned(Set<TopicPartition> held) {
        }

        /**
         * The consumer gave up partitions (a rebalance begins, they were lost, or it closes); it now holds
         * {@code held}.
         */
        default void revoked(Set<TopicPartition> held) {
        }

        /** The consumer closed (the loop stopped or failed): its metrics are gone, it holds no partition. */
        default void closed() {
        }
    }

    /** What the loop is doing. */
    public enum State { STARTING, CONSUMING, RETRYING, STOPPED, FAILED }

    private static final Logger LOG = Logger.getLogger(KafkaConsumerLoop.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> consumerConfig;
    private final Duration pollTimeout;
    private final RetryBackoff backoff;
    private final BatchHandler handler;
    private final List<ConsumerListener> listeners;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure = "";
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * A loop nobody listens to.
     *
     * @see #KafkaConsumerLoop(String, List, Map, Duration, RetryBackoff, BatchHandler, List)
     */
    public KafkaConsumerLoop(String name, List<String> topics, Map<String, Object> consumerConfig,
            Duration pollTimeout, RetryBackoff backoff, BatchHandler handler) {
        this(name, topics, consumerConfig, pollTimeout, backoff, handler, List.of());
    }

    /**
     * @param name the thread's name and how logs call this consumer
     * @param consumerConfig e.g. from {@link KafkaClientSettings#consumer}: manual commits, byte[] keys and values
     * @param backoff the pauses between attempts at a failed batch
     * @param listeners told about the consumer, in this order
     */
    public KafkaConsumerLoop(String name, List<String> topics, Map<String, Object> consumerConfig,
            Duration pollTimeout, RetryBackoff backoff, BatchHandler handler, List<ConsumerListener> listeners) {
        this.name = Objects.requireNonNull(name, "name");
        this.topics = List.copyOf(topics);
        this.consumerConfig = Map.copyOf(consumerConfig);
        this.pollTimeout = Objects.requireNonNull(pollTimeout, "pollTimeout");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.listeners = List.copyOf(listeners);
    }

    public synchronized void start() {
        thread = new Thread(this::run, name);
        thread.start();
    }

    /**
     * Asks the loop to finish (a batch being handled completes and is committed) and waits up to 10 s for it; logs a
     * warning when it did not finish in that time.
     */
    public synchronized void stop() throws InterruptedException {
        stopSignal.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop in time", name);
            }
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
            tell(listener -> listener.created(kafkaConsumer));
            kafkaConsumer.subscribe(topics, new HeldPartitions());
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
            closed();
        }
    }

    /** Tells the listeners once the consumer that existed has closed. */
    private void closed() {
        if (consumer != null) {
            consumer = null;
            tell(ConsumerListener::closed);
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

    private void tell(java.util.function.Consumer<ConsumerListener> event) {
        for (ConsumerListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: a consumer listener failed", name);
            }
        }
    }

    /** Keeps track of the partitions the consumer holds, and tells the listeners when they change. */
    private final class HeldPartitions implements ConsumerRebalanceListener {

        private final Set<TopicPartition> held = new HashSet<>();

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            held.addAll(partitions);
            Set<TopicPartition> now = Set.copyOf(held);
            tell(listener -> listener.assigned(now));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            released(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            released(partitions);
        }

        private void released(Collection<TopicPartition> partitions) {
            held.removeAll(partitions);
            Set<TopicPartition> now = Set.copyOf(held);
            tell(listener -> listener.revoked(now));
        }
    }
}
