package io.thingbus.event.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.kafka.RetryBackoff;
import io.thingbus.testing.SharedInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Since when a real consumer loop against the real Kafka broker has been reading its partitions without a break. */
class UninterruptedReadingIT {

    private final KafkaClientSettings settings = KafkaClientSettings.of(
            Map.of("bootstrap.servers", SharedInfrastructure.get().kafkaBootstrapServers()));
    private final String topic = "uninterrupted-it-" + UUID.randomUUID();
    private KafkaConsumerLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        loop.stop();
    }

    @Test
    void since_isEmptyUntilTheConsumerHoldsPartitions_thenWhenItGotThem_andEmptyOnceItStopped() throws Exception {
        UninterruptedReading reading = follow(records -> { });
        Instant started = Instant.now();
        assertThat(reading.since()).isEmpty();

        loop.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> reading.since().isPresent());
        assertThat(reading.since().get()).isAfterOrEqualTo(started).isBeforeOrEqualTo(Instant.now());
        loop.stop();
        assertThat(reading.since()).isEmpty();
    }

    @Test
    void since_isTheRecovery_onceAFailedBatchIsHandled() throws Exception {
        AtomicReference<Instant> failedAt = new AtomicReference<>();
        AtomicInteger handled = new AtomicInteger();
        UninterruptedReading reading = follow(records -> {
            if (failedAt.compareAndSet(null, Instant.now())) {
                throw new IllegalStateException("database unavailable");
            }
            handled.addAndGet(records.count());
        });
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> reading.since().isPresent());

        produce();

        await().atMost(Duration.ofSeconds(30)).until(() -> handled.get() == 1
                && reading.since().filter(since -> since.isAfter(failedAt.get())).isPresent());
    }

    private UninterruptedReading follow(KafkaConsumerLoop.BatchHandler handler) {
        UninterruptedReading reading = new UninterruptedReading(handler, Clock.systemUTC());
        loop = new KafkaConsumerLoop("uninterrupted-it", List.of(topic),
                settings.consumer("uninterrupted-it", "group-" + UUID.randomUUID(), "earliest"),
                Duration.ofMillis(200), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400)), reading,
                List.of(reading));
        reading.follow(loop);
        return reading;
    }

    private void produce() throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(
                settings.producer("uninterrupted-it", Duration.ofSeconds(30)))) {
            producer.send(new ProducerRecord<>(topic, "k", new byte[] {1})).get(30, TimeUnit.SECONDS);
        }
    }
}
