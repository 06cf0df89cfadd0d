package io.thingbus.event.messaging;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.event.config.AlertConfig;
import io.thingbus.event.domain.AlertOutbox;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Publishes queued alert records to Kafka on one thread: right after {@link #wake()} (new alerts, settled
 * notifications) and every {@code thingbus.event.alerts.relay-interval} (which also publishes what a crash or a
 * Kafka outage left behind). Rows leave the outbox only once Kafka acknowledged them: at least once, in order.
 */
@Singleton
public class AlertRelay {

    private static final Logger LOG = Logger.getLogger(AlertRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final AlertOutbox outbox;
    private final KafkaClientSettings kafka;
    private final AlertConfig config;
    private final EventMetrics metrics;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;
    private KafkaAlertPublisher publisher;

    public AlertRelay(AlertOutbox outbox, KafkaClientSettings kafka, AlertConfig config, EventMetrics metrics) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(kafka.producer("event-service-alerts", config.deliveryTimeout()));
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(metrics.registry());
        publisher = new KafkaAlertPublisher(producer);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "alert-relay"));
        long interval = config.relayInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        long wait = config.deliveryTimeout().plus(STOP_TIMEOUT).toMillis();
        if (!executor.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
            LOG.warn("alert relay did not finish in time; unpublished records stay in the outbox");
            executor.shutdownNow();
        }
        producerMetrics.close();
        producer.close(Duration.of(5, ChronoUnit.SECONDS));
    }

    /** Schedules one extra round at once; several calls in a row share it. Never blocks, never throws. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                running.execute(this::drain);
            } catch (RejectedExecutionException e) {
                LOG.debug("alert relay is stopping; the records are published at the next start");
            }
        }
    }

    private void drain() {
        wakeUpPending.set(false);
        try {
            AlertOutbox.Drained drained;
            do {
                drained = outbox.drain(config.relayBatchSize(), publisher);
                metrics.published(drained.published());
            } while (drained.published() == config.relayBatchSize());
            if (drained.incomplete()) {
                failed("Kafka took " + drained.published() + " of " + drained.offered() + " records");
            }
        } catch (RuntimeException e) {
            failed(e.getMessage());
        }
    }

    private void failed(String reason) {
        metrics.backgroundFailure("alert-relay");
        LOG.warnf("alert relay round failed, retrying in %s: %s", config.relayInterval(), reason);
    }
}
