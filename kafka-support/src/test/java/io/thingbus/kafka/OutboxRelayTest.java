package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay over an in-memory outbox: what it publishes, when, and what it reports. */
class OutboxRelayTest {

    private static final Duration RARELY = Duration.ofHours(1);

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Integer> published = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private OutboxRelay relay;

    @AfterEach
    void stop() throws InterruptedException {
        relay.stop(Duration.ofSeconds(5));
    }

    @Test
    void theFirstRound_publishesTheWholeOutbox_batchByBatch() {
        outbox.add(5);
        relay = relay(RARELY, 2);

        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.remaining() == 0);
        assertThat(outbox.published()).containsExactly(0, 1, 2, 3, 4);
        await().untilAsserted(() -> assertThat(published).containsExactly(2, 2, 1));
    }

    @Test
    void wake_publishesWhatWasWrittenSince_withoutWaitingForTheInterval() {
        relay = relay(RARELY, 10);
        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !published.isEmpty());

        outbox.add(3);
        relay.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.remaining() == 0);
        assertThat(outbox.published()).containsExactly(0, 1, 2);
    }

    @Test
    void rowsKafkaDidNotTake_stayForTheNextRound_andTheRoundIsReportedFailed() {
        outbox.add(3);
        outbox.acceptOnly(1);
        relay = relay(Duration.ofMillis(100), 10);

        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.isEmpty());
        assertThat(failures.get(0)).isEqualTo("Kafka took 1 of 3 records");
        outbox.acceptOnly(Integer.MAX_VALUE);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.remaining() == 0);
        assertThat(outbox.published()).containsExactly(0, 1, 2);
    }

    @Test
    void anOutboxThatCannotBeRead_failsTheRound_andTheNextRoundTriesAgain() {
        outbox.add(1);
        outbox.failReads(2);
        relay = relay(Duration.ofMillis(100), 10);

        relay.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.remaining() == 0);
        assertThat(failures).containsExactly("database unavailable", "database unavailable");
    }

    @Test
    void wakeBeforeStart_doesNothing() {
        relay = relay(RARELY, 10);
        outbox.add(1);

        relay.wake();

        assertThat(outbox.remaining()).isEqualTo(1);
    }

    @Test
    void aRelayWithoutAPositiveIntervalOrBatch_isRefused() {
        relay = relay(RARELY, 1);
        assertThatThrownBy(() -> relay(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> relay(RARELY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private OutboxRelay relay(Duration interval, int batchSize) {
        return new OutboxRelay("test-relay", interval, batchSize, outbox::drain,
                OutboxRelay.Listener.of(published::add, failures::add));
    }

    /** Rows numbered in the order they were written; "Kafka" takes at most a set number per drain. */
    private static final class InMemoryOutbox {

        private final List<Integer> rows = new ArrayList<>();
        private final List<Integer> published = new ArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private int kafkaTakes = Integer.MAX_VALUE;
        private int failingReads;

        synchronized void add(int count) {
            for (int i = 0; i < count; i++) {
                rows.add(next.getAndIncrement());
            }
        }

        synchronized void acceptOnly(int count) {
            kafkaTakes = count;
        }

        synchronized void failReads(int count) {
            failingReads = count;
        }

        synchronized int remaining() {
            return rows.size();
        }

        synchronized List<Integer> published() {
            return List.copyOf(published);
        }

        synchronized OutboxRelay.Drained drain(int maxRows) {
            if (failingReads > 0) {
                failingReads--;
                throw new IllegalStateException("database unavailable");
            }
            List<Integer> offered = new ArrayList<>(rows.subList(0, Math.min(maxRows, rows.size())));
            List<Integer> taken = offered.subList(0, Math.min(kafkaTakes, offered.size()));
            published.addAll(taken);
            rows.subList(0, taken.size()).clear();
            return new OutboxRelay.Drained(offered.size(), taken.size());
        }
    }
}
