package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.thingbus.device.config.OutboxConfig;
import io.thingbus.device.domain.OutboxListener;
import io.thingbus.device.domain.OutboxQueue;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka on one thread: right after each commit that wrote to it, and every
 * {@code thingbus.outbox.interval} (which also publishes what a crash or a Kafka outage left behind). Rows are deleted
 * only after Kafka acknowledged them, so delivery is at least once; records of one key keep their order.
 */
@Startup
@ApplicationScoped
public class OutboxRelay implements OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxQueue queue;
    private final KafkaClientSettings kafka;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;
    private KafkaOutboxPublisher publisher;

    public OutboxRelay(OutboxQueue queue, KafkaClientSettings kafka, OutboxConfig config, MeterRegistry meters) {
        this.queue = queue;
        this.kafka = kafka;
        this.config = config;
        this.published = Counter.builder("thingbus.device.outbox.published")
                .description("Registry records published to Kafka from the outbox").register(meters);
        this.failures = Counter.builder("thingbus.device.outbox.failures")
                .description("Outbox relay rounds that failed (Kafka or database unavailable); retried")
                .register(meters);
    }

    @PostConstruct
    void start() {
        producer = new KafkaProducer<>(kafka.producer("device-service-outbox", config.deliveryTimeout()));
        publisher = new KafkaOutboxPublisher(producer);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "outbox-relay"));
        long interval = config.interval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(config.deliveryTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            LOG.warn("outbox relay did not finish in time; unpublished records stay in the outbox");
            executor.shutdownNow();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Schedules one extra round at once; several commits in a row share it. Never blocks, never throws. */
    @Override
    public void messagesCommitted() {
        if (wakeUpPending.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                LOG.debug("outbox relay is stopping; the records are published at the next start");
            }
        }
    }

    private void drain() {
        wakeUpPending.set(false);
        try {
            OutboxQueue.Drained drained;
            do {
                drained = queue.drain(config.batchSize(), publisher);
                published.increment(drained.published());
            } while (drained.published() == config.batchSize());
            if (drained.incomplete()) {
                failed("Kafka took " + drained.published() + " of " + drained.offered() + " records");
            }
        } catch (RuntimeException e) {
            failed(e.getMessage());
        }
    }

    private void failed(String reason) {
        failures.increment();
        LOG.warnf("outbox relay round failed, retrying in %s: %s", config.interval(), reason);
    }
}
