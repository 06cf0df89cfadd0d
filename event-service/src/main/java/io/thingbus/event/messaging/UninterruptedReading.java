package io.thingbus.event.messaging;

import io.thingbus.kafka.ConsumerProbe;
import io.thingbus.kafka.KafkaConsumerLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Since when the telemetry consumer has been reading its partitions without interruption: the later of its last
 * partition assignment (a start, a rebalance; from its {@link ConsumerProbe}) and its last recovery from a failure
 * (the first batch handled after its loop was retrying). Empty while the loop is not consuming (starting, retrying,
 * stopped) or holds no partition. It wraps the telemetry batch handler to see recoveries; {@link #follow} tells it
 * which loop runs it.
 *
 * <p>Thread-safe: batches arrive on the loop's thread, {@link #since()} is asked from any thread.
 */
final class UninterruptedReading implements KafkaConsumerLoop.BatchHandler {

    private final KafkaConsumerLoop.BatchHandler handler;
    private final ConsumerProbe probe;
    private final Clock clock;
    private volatile KafkaConsumerLoop loop;
    private volatile Instant recoveredAt = Instant.MIN;

    UninterruptedReading(KafkaConsumerLoop.BatchHandler handler, ConsumerProbe probe, Clock clock) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The loop this handler runs in; before it is known, nothing is being read. */
    void follow(KafkaConsumerLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        KafkaConsumerLoop current = loop;
        boolean recovering = current != null && current.state() == KafkaConsumerLoop.State.RETRYING;
        handler.handle(records);
        if (recovering) {
            recoveredAt = clock.instant();
        }
    }

    /** Since when telemetry has been read without interruption; empty while it is not. */
    Optional<Instant> since() {
        KafkaConsumerLoop current = loop;
        if (current == null || current.state() != KafkaConsumerLoop.State.CONSUMING) {
            return Optional.empty();
        }
        Instant recovered = recoveredAt;
        return probe.lastAssignment(clock.instant())
                .map(assigned -> assigned.isAfter(recovered) ? assigned : recovered);
    }
}
