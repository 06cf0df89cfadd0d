package io.thingbus.kafka;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Relays a transactional outbox to Kafka on a thread of its own: a round runs right after {@link #wake()} (a
 * transaction wrote to the outbox) and every {@code interval} (which also publishes what a crash or a Kafka outage left
 * behind). A round drains the outbox batch by batch while batches come back full; what Kafka did not acknowledge stays
 * in the outbox for the next round. The {@link Drain} owns the rows: it hands them to Kafka (e.g. through an
 * {@link InOrderSender}) and removes those acknowledged, so delivery is at least once and in outbox order.
 *
 * <p>Thread-safety: {@link #start()} and {@link #stop(Duration)} once each, from any thread; {@link #wake()} from any
 * thread, at any time: it never blocks or throws, and wake-ups that arrive while one is pending share its round.
 */
public final class OutboxRelay {

    /** One drain of the outbox. Called on the relay's thread only. */
    @FunctionalInterface
    public interface Drain {

        /**
         * Hands up to {@code maxRows} of the oldest rows to Kafka and removes those Kafka acknowledged.
         *
         * @throws RuntimeException when the outbox could not be read (the round fails; nothing is lost)
         */
        Drained drain(int maxRows);
    }

    /** What one drain did: how many rows it offered to Kafka, and how many of them were published and removed. */
    public record Drained(int offered, int published) {

        /** Whether some offered rows stay in the outbox because Kafka did not take them. */
        public boolean incomplete() {
            return published < offered;
        }
    }

    /** Hears what the rounds did, for metrics. Called on the relay's thread; must not block or throw. */
    public interface Listener {

        /** {@code count} rows were published and removed (called after every drain, also with 0). */
        void published(int count);

        /** A round failed and is retried at the next one; already logged. */
        void failed(String reason);

        /** A listener that hands what it hears to {@code published} and {@code failed}, e.g. counters. */
        static Listener of(IntConsumer published, Consumer<String> failed) {
            Objects.requireNonNull(published, "published");
            Objects.requireNonNull(failed, "failed");
            return new Listener() {
                @Override
                public void published(int count) {
                    published.accept(count);
                }

                @Override
                public void failed(String reason) {
                    failed.accept(reason);
                }
            };
        }
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final String name;
    private final Duration interval;
    private final int batchSize;
    private final Drain drain;
    private final Listener listener;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    /**
     * @param name the relay's thread name, and how logs call it ({@code outbox-relay} → "outbox relay")
     * @param interval the pause between scheduled rounds, positive
     * @param batchSize the most rows one drain hands to Kafka, at least 1
     */
    public OutboxRelay(String name, Duration interval, int batchSize, Drain drain, Listener listener) {
        this.name = Objects.requireNonNull(name, "name");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.drain = Objects.requireNonNull(drain, "drain");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (interval.isNegative() || interval.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("an outbox relay needs a positive interval and a batch size of at least 1");
        }
        this.batchSize = batchSize;
    }

    /** Starts the thread; the first round runs at once. */
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                runnable -> new Thread(runnable, name));
        started.scheduleWithFixedDelay(this::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    /** Schedules one extra round at once. Does nothing before {@link #start()}. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                running.execute(this::round);
            } catch (RejectedExecutionException e) {
                LOG.debugf("%s is stopping; the records are published at the next start", described());
            }
        }
    }

    /**
     * Lets a running round finish (waiting at most {@code timeout}) and ends the thread; rows not published stay in the
     * outbox.
     */
    public synchronized void stop(Duration timeout) throws InterruptedException {
        ScheduledExecutorService running = executor;
        if (running == null) {
            return;
        }
        running.shutdown();
        if (!running.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("%s did not finish in time; unpublished records stay in the outbox", described());
            running.shutdownNow();
        }
    }

    private void round() {
        wakeUpPending.set(false);
        try {
            Drained drained;
            do {
                drained = drain.drain(batchSize);
                listener.published(drained.published());
            } while (drained.published() == batchSize);
            if (drained.incomplete()) {
                failed("Kafka took " + drained.published() + " of " + drained.offered() + " records");
            }
        } catch (RuntimeException e) {
            failed(e.getMessage());
        }
    }

    /** Never throws: an exception escaping a round would cancel the schedule. */
    private void failed(String reason) {
        LOG.warnf("%s round failed, retrying in %s: %s", described(), interval, reason);
        try {
            listener.failed(reason);
        } catch (RuntimeException e) {
            LOG.warn("counting a failed relay round failed", e);
        }
    }

    private String described() {
        return name.replace('-', ' ');
    }
}
