package io.thingbus.event.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consumes one topic and hands each polled batch to a {@link BatchHandler}, then commits the batch's offsets: offsets
 * are committed only after the handler returned, i.e. after its work is durable. When the handler throws (the
 * database is down), nothing is committed or skipped: the consumer rewinds to the batch's first offsets and polls the
 * same records again after a growing pause. Handlers must therefore be idempotent.
 *
 * <p>Runs on one thread ({@link #run()}); {@link #stop()} and the getters may be called from any thread.
 */
public final class DurableConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(DurableConsumer.class);

    /** What the consumer is doing. */
    public enum State { STARTING, CONSUMING, RETRYING, STOPPED, FAILED }

    /** Does the work of one batch. Runs on the consumer's thread. */
    @FunctionalInterface
    public interface BatchHandler {

        /**
         * Makes the work of the records durable, or throws; a record that cannot be used is the handler's to log,
         * count and skip. Throwing means "retry the whole batch later".
         */
        void handle(ConsumerRecords<byte[], byte[]> records);
    }

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BatchHandler handler;
    private final Duration pollTimeout;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile State state = State.STARTING;
    private volatile String lastFailure = "";
    private volatile Instant consumingSince;

    /**
     * Creates the Kafka client (it connects on the first poll).
     *
     * @throws KafkaException when the client settings are invalid
     */
    public DurableConsumer(String topic, Map<String, Object> clientProperties, BatchHandler handler,
            Duration pollTimeout, Duration backoffInitial, Duration backoffMax, Clock clock, MeterRegistry meters) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(clientProperties);
        this.handler = handler;
        this.pollTimeout = pollTimeout;
        this.backoff = new RetryBackoff(backoffInitial, backoffMax);
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void run() {
        KafkaClientMetrics clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(meters);
        try {
            consumer.subscribe(List.of(topic), new AssignmentListener());
            while (!stopping()) {
                pollOnce();
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
            LOG.errorf(e, "consumer of %s stopped by an unexpected failure", topic);
        } finally {
            consumingSince = null;
            clientMetrics.close();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the consumer to finish: a running batch completes and is committed, then {@link #run()} returns. */
    public void stop() {
        stopSignal.countDown();
        consumer.wakeup();
    }

    public State state() {
        return state;
    }

    /** The failure the consumer is retrying after, or empty while all is well. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Since when the consumer has been reading its partitions without interruption: the later of its last partition
     * assignment and its last recovery from a failure. Empty while it is not consuming.
     */
    public Optional<Instant> consumingSince() {
        return state == State.CONSUMING ? Optional.ofNullable(consumingSince) : Optional.empty();
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void pollOnce() throws InterruptedException {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(pollTimeout);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failed("polling " + topic + " failed: " + e.getMessage(), null);
            return;
        }
        if (records.isEmpty()) {
            recovered();
            return;
        }
        try {
            handler.handle(records);
        } catch (RuntimeException e) {
            firstOffsets(records).forEach(consumer::seek);
            failed("a batch of " + records.count() + " records of " + topic + " failed and will be retried: "
                    + e.getMessage(), e);
            return;
        }
        commit(records);
        recovered();
    }

    private void recovered() {
        if (state != State.CONSUMING && !consumer.assignment().isEmpty()) {
            consumingSince = clock.instant();
            state = State.CONSUMING;
            backoff.reset();
            lastFailure = "";
        }
    }

    private void failed(String failure, Exception cause) throws InterruptedException {
        state = State.RETRYING;
        lastFailure = failure;
        Duration pause = backoff.next();
        if (cause == null) {
            LOG.warnf("%s (next attempt in %s)", failure, pause);
        } else {
            LOG.warnf(cause, "%s (next attempt in %s)", failure, pause);
        }
        stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void commit(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> polled = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(polled.get(polled.size() - 1).offset() + 1));
        }
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets);
            throw e;
        } catch (KafkaException e) {
            LOG.warnf("committing offsets of %s failed (%s): the batch is done and will be read again, which "
                    + "changes nothing twice", topic, e.getMessage());
        }
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        return first;
    }

    /** Restarts the "consuming since" clock whenever partitions are (re)assigned. */
    private final class AssignmentListener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // every batch is committed before the next poll: nothing is pending
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                consumingSince = clock.instant();
            }
        }
    }
}
