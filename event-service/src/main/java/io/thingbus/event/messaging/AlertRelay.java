package io.thingbus.event.messaging;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.event.config.AlertConfig;
import io.thingbus.event.domain.AlertOutbox;
import io.thingbus.event.domain.AlertPublisher;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.OutboxRelay;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes queued alert records to Kafka with an {@link OutboxRelay} ({@code alert-relay}): right after
 * {@link #wake()} (new alerts, settled notifications) and every {@code thingbus.event.alerts.relay-interval} (which also
 * publishes what a crash or a Kafka outage left behind). Rows leave the outbox only once Kafka acknowledged them: at
 * least once, in order.
 */
@Singleton
public class AlertRelay {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final AlertOutbox outbox;
    private final KafkaClientSettings kafka;
    private final AlertConfig config;
    private final EventMetrics metrics;
    private volatile OutboxRelay relay;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;

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
        KafkaAlertPublisher publisher = new KafkaAlertPublisher(producer);
        OutboxRelay started = new OutboxRelay("alert-relay", config.relayInterval(), config.relayBatchSize(),
                maxRows -> drain(maxRows, publisher),
                OutboxRelay.Listener.of(metrics::published, reason -> metrics.backgroundFailure("alert-relay")));
        started.start();
        relay = started;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        OutboxRelay running = relay;
        if (running == null) {
            return;
        }
        running.stop(config.deliveryTimeout().plus(STOP_TIMEOUT));
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }

    /** Schedules one extra round at once; several calls in a row share it. Never blocks, never throws. */
    public void wake() {
        OutboxRelay running = relay;
        if (running != null) {
            running.wake();
        }
    }

    private OutboxRelay.Drained drain(int maxRows, AlertPublisher publisher) {
        AlertOutbox.Drained drained = outbox.drain(maxRows, publisher);
        return new OutboxRelay.Drained(drained.offered(), drained.published());
    }
}
