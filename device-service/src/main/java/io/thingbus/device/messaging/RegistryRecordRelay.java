package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.thingbus.device.config.OutboxConfig;
import io.thingbus.device.domain.OutboxListener;
import io.thingbus.device.domain.OutboxQueue;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.OutboxRelay;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Publishes the registry's outbox to Kafka with an {@link OutboxRelay} ({@code outbox-relay}): right after each
 * commit that wrote to it, and every {@code thingbus.outbox.interval} (which also publishes what a crash or a Kafka
 * outage left behind). Rows are deleted only after Kafka acknowledged them, so delivery is at least once; records of
 * one key keep their order. Unusable {@code thingbus.outbox.*} settings stop the start-up.
 */
@Startup
@ApplicationScoped
public class RegistryRecordRelay implements OutboxListener {

    private final OutboxQueue queue;
    private final KafkaClientSettings kafka;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private Producer<String, byte[]> producer;
    private volatile OutboxRelay relay;

    public RegistryRecordRelay(OutboxQueue queue, KafkaClientSettings kafka, OutboxConfig config,
            MeterRegistry meters) {
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
        KafkaOutboxPublisher publisher = new KafkaOutboxPublisher(producer);
        OutboxRelay started = relay(maxRows -> drain(maxRows, publisher));
        started.start();
        relay = started;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        relay.stop(config.deliveryTimeout().plusSeconds(1));
        producer.close(Duration.ofSeconds(5));
    }

    /** Schedules one extra round at once; several commits in a row share it. Never blocks, never throws. */
    @Override
    public void messagesCommitted() {
        relay.wake();
    }

    private OutboxRelay relay(OutboxRelay.Drain drain) {
        try {
            return new OutboxRelay("outbox-relay", config.interval(), config.batchSize(), drain,
                    OutboxRelay.Listener.of(published::increment, reason -> failures.increment()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("thingbus.outbox: " + e.getMessage(), e);
        }
    }

    private OutboxRelay.Drained drain(int maxRows, KafkaOutboxPublisher publisher) {
        OutboxQueue.Drained drained = queue.drain(maxRows, publisher);
        return new OutboxRelay.Drained(drained.offered(), drained.published());
    }
}
