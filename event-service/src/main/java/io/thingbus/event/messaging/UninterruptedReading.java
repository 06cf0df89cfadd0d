package io.thingbus.event.messaging;

import io.thingbus.kafka.KafkaConsumerLoop;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Since when the telemetry consumer has been reading its partitions without interruption: the later of its last
 * partition assignment (a start, a rebalance; its loop tells it as a {@link KafkaConsumerLoop.ConsumerListener}) and
 * its last recovery from a failure (the first batch handled after its loop was retrying). Empty while the loop is not
 * consuming (starting, retrying, stopped) or holds no partition. It wraps the telemetry batch handler to see
 * recoveries; {@link #follow} tells it which loop runs it.
 *
 * <p>Thread-safe: batches and partition changes arrive on the loop's thread, {@link #since()} is asked from any thread.
 */
final class UninterruptedReading implements KafkaConsumerLoop.BatchHandler, KafkaConsumerLoop.ConsumerListener {

    private final KafkaConsumerLoop.BatchHandler handler;
    private final Clock clock;
    private volatile KafkaConsumerLoop loop;
    private volatile Instant recoveredAt = Instant.MIN;
    private volatile Instant assignedAt;

    UninterruptedReading(KafkaConsumerLoop.BatchHandler handler, Clock clock) {
        this.handler = Objects.requireNonNull(handler, "handler");
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

    @Override
    public void assigned(Set<TopicPartition> held) {
        assignedAt = held.isEmpty() ? null : clock.instant();
    }

    @Override
    public void revoked(Set<TopicPartition> held) {
        if (held.isEmpty()) {
            assignedAt = null;
        }
    }

    @Override
    public void closed() {
        assignedAt = null;
    }

    /** Since when telemetry has been read without interruption; empty while it is not. */
    Optional<Instant> since() {
        KafkaConsumerLoop current = loop;
        if (current == null || current.state() != KafkaConsumerLoop.State.CONSUMING) {
            return Optional.empty();
        }
        Instant recovered = recoveredAt;
        return Optional.ofNullable(assignedAt).map(assigned -> assigned.isAfter(recovered) ? assigned : recovered);
    }
}
