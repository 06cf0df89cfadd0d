package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.OutboxRelay;
import io.thingbus.stream.config.OutboxConfig;
import io.thingbus.stream.domain.OutboxPublisher;
import io.thingbus.stream.domain.OutboxQueue;
import io.thingbus.stream.persistence.ChannelAnnouncements;
import io.thingbus.stream.persistence.OutboxSignal;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to the channels topic with an {@link OutboxRelay} ({@code outbox-relay}): right after each
 * commit that wrote to it, and every {@code thingbus.stream.outbox.interval} (which also publishes what a crash or a
 * Kafka outage left behind). Rows are deleted only after Kafka acknowledged them, so delivery is at least once;
 * records of one channel keep their order. Its first round also announces the channels that existed before channels
 * were announced at all.
 */
@Singleton
public class ChannelRecordRelay {

    private static final Logger LOG = Logger.getLogger(ChannelRecordRelay.class);

    private final OutboxQueue queue;
    private final OutboxSignal signal;
    private final ChannelAnnouncements announcements;
    private final KafkaClientSettings kafka;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failures;
    private volatile boolean existingAnnounced;
    private Producer<String, byte[]> producer;
    private OutboxRelay relay;

    @Inject
    public ChannelRecordRelay(OutboxQueue queue, OutboxSignal signal, ChannelAnnouncements announcements,
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
        producer = new KafkaProducer<>(kafka.producer("stream-service-outbox", config.deliveryTimeout()));
        KafkaChannelPublisher publisher = new KafkaChannelPublisher(producer);
        relay = new OutboxRelay("outbox-relay", config.interval(), config.batchSize(),
                maxRows -> drain(maxRows, publisher),
                OutboxRelay.Listener.of(published::increment, reason -> failures.increment()));
        signal.listen(relay::wake);
        relay.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (relay == null) {
            return;
        }
        signal.listen(() -> { });
        relay.stop(config.deliveryTimeout().plusSeconds(1));
        producer.close(Duration.ofSeconds(5));
    }

    /** Announces the channels of before once (a failure fails the round, which tries again), then drains. */
    private OutboxRelay.Drained drain(int maxRows, OutboxPublisher publisher) {
        announceExistingOnce();
        OutboxQueue.Drained drained = queue.drain(maxRows, publisher);
        return new OutboxRelay.Drained(drained.offered(), drained.published());
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

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }
}
