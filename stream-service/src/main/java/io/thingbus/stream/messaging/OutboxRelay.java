package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.stream.config.OutboxConfig;
import io.thingbus.stream.domain.OutboxQueue;
import io.thingbus.stream.persistence.ChannelAnnouncements;
import io.thingbus.stream.persistence.OutboxSignal;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to the channels topic on one thread: right after each commit that wrote to it, and every
 * {@code thingbus.stream.outbox.interval} (which also publishes what a crash or a Kafka outage left behind). Rows are
 * deleted only after Kafka acknowledged them, so delivery is at least once; records of one channel keep their order.
 * Its first round also announces the channels that existed before channels were announced at all.
 */
@Singleton
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxQueue queue;
    private final OutboxSignal signal;
    private final ChannelAnnouncements announcements;
    private final KafkaClientSettings kafka;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean existingAnnounced;
    private ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;
    private KafkaChannelPublisher publisher;

    @Inject
    public OutboxRelay(OutboxQueue queue, OutboxSignal signal, ChannelAnnouncements announcements,
            KafkaClientSettings kafka, OutboxConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.signal = signal;
        this.announcements = announcements;
        this.kafka = kafka;
        this.config = config;
        this.published = Counter.builder("thingbus.stream.outbox.published")
                .description("Channel records published to Kafka from the outbox").register(meters);
        this.failures = Counter.builder("thingbus.stream.outbox.failures")
                .description("Outbox relay rounds that failed (Kafka or database unavailable); retried")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (config.batchSize() < 1 || !positive(config.interval()) || !positive(config.deliveryTimeout())) {
            throw new IllegalStateException("thingbus.stream.outbox: batch-size must be at least 1, interval and "
                    + "delivery-timeout positive");
        }
        producer = new KafkaProducer<>(kafka.producer("stream-service-outbox", config.deliveryTimeout()),
                new StringSerializer(), new ByteArraySerializer());
        publisher = new KafkaChannelPublisher(producer);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        signal.listen(this::wakeUp);
        executor.scheduleWithFixedDelay(this::round, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor == null) {
            return;
        }
        signal.listen(() -> { });
        executor.shutdown();
        if (!executor.awaitTermination(config.deliveryTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            LOG.warn("outbox relay did not finish in time; unpublished records stay in the outbox");
            executor.shutdownNow();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Schedules one extra round at once; several commits in a row share it. Never blocks, never throws. */
    private void wakeUp() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::round);
            } catch (RejectedExecutionException e) {
                LOG.debug("outbox relay is stopping; the records are published at the next start");
            }
        }
    }

    private void round() {
        wakeUpPending.set(false);
        try {
            announceExistingOnce();
            drain();
        } catch (RuntimeException e) {
            failed(e.getMessage());
        }
    }

    private void announceExistingOnce() {
        if (!existingAnnounced) {
            int announced = announcements.announcePending();
            existingAnnounced = true;
            if (announced > 0) {
                LOG.infof("announced %d channels that existed before channel records were published", announced);
            }
        }
    }

    private void drain() {
        OutboxQueue.Drained drained;
        do {
            drained = queue.drain(config.batchSize(), publisher);
            published.increment(drained.published());
        } while (drained.published() == config.batchSize());
        if (drained.incomplete()) {
            failed("Kafka took " + drained.published() + " of " + drained.offered() + " records");
        }
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private void failed(String reason) {
        failures.increment();
        LOG.warnf("outbox relay round failed, retrying in %s: %s", config.interval(), reason);
    }
}
