package io.thingbus.broker.messaging;

import io.thingbus.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer read on its own daemon thread ({@code thingbus-<name>-listener}) until {@link #stop()}: the
 * lifecycle and the retrying loop that {@link CompactedTopicListener} and {@link DeliveryConsumer} share. What a
 * round of reading does is the {@link Reader}'s business.
 *
 * <p>The loop calls {@link Reader#readOnce} over and over. A {@link KafkaException} from it (Kafka unreachable, a
 * failed commit) is logged and retried after a pause; any other runtime exception ends the thread, logged at ERROR
 * with what no longer reaches this instance, and {@link #isRunning()} turns false (the liveness check reports it).
 * The consumer is used on that thread only, except for {@link KafkaConsumer#wakeup()} in {@link #stop()}.
 */
final class ConsumerThread {

    /** What one consumer does on the thread; every method runs on the consumer thread. */
    interface Reader {

        /** Called once before the first {@link #readOnce}, e.g. to subscribe; an exception ends the thread. */
        default void begin(KafkaConsumer<byte[], byte[]> kafka) {
        }

        /** One round of reading: poll and handle what came. A {@link KafkaException} is retried after a pause. */
        void readOnce(KafkaConsumer<byte[], byte[]> kafka);
    }

    private static final Logger LOG = Logger.getLogger(ConsumerThread.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final String name;
    private final Map<String, Object> settings;
    private final Reader reader;
    private final String lostWhenDead;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    /**
     * @param name what the consumer reads, for the thread's name and log messages ({@code credential})
     * @param settings the consumer settings, see {@link #settings}
     * @param lostWhenDead what no longer reaches this instance when the thread died, for the log message
     */
    ConsumerThread(String topic, String name, Map<String, Object> settings, Reader reader, String lostWhenDead) {
        this.topic = topic;
        this.name = name;
        this.settings = settings;
        this.reader = reader;
        this.lostWhenDead = lostWhenDead;
    }

    /**
     * The shared consumer settings ({@link KafkaClientSettings#consumer}: byte arrays, manual commits) in this client
     * id and consumer group (none when {@code groupId} is null), reading committed records only and never creating the
     * topic (an auto-created topic would have the wrong settings, a compacted one would not be compacted).
     */
    static Map<String, Object> settings(KafkaClientSettings kafka, String clientId, String groupId,
            String autoOffsetReset) {
        Map<String, Object> settings = new HashMap<>(kafka.consumer(clientId, groupId, autoOffsetReset));
        if (groupId == null) {
            settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        }
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    /** Creates the consumer at once (invalid settings fail here) and starts reading. */
    void start() {
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(settings);
        consumer = kafka;
        running = true;
        thread = new Thread(() -> run(kafka), "thingbus-" + name + "-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the loop, wakes the consumer from a poll and waits up to 15 s for the thread to close it. */
    void stop() throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    /** Whether the consumer thread runs; false after shutdown or when it died on an unexpected error. */
    boolean isRunning() {
        return thread != null && thread.isAlive();
    }

    /** Waits a second before the next try, on the consumer thread; an interrupt ends the loop. */
    void pause() {
        try {
            Thread.sleep(RETRY_BACKOFF.toMillis());
        } catch (InterruptedException e) {
            interrupted();
        }
    }

    /** For a reader that caught an {@link InterruptedException}: keeps the interrupt and ends the loop. */
    void interrupted() {
        Thread.currentThread().interrupt();
        running = false;
    }

    private void run(KafkaConsumer<byte[], byte[]> kafka) {
        try (kafka) {
            reader.begin(kafka);
            readUntilStopped(kafka);
        } catch (RuntimeException e) {
            LOG.errorf(e, "the %s listener stopped unexpectedly; %s", name, lostWhenDead);
        }
    }

    private void readUntilStopped(KafkaConsumer<byte[], byte[]> kafka) {
        while (running) {
            try {
                reader.readOnce(kafka);
            } catch (WakeupException e) {
                // shutdown: the loop condition ends it
            } catch (KafkaException e) {
                LOG.warnf("reading %s failed, retrying: %s", topic, e.getMessage());
                pause();
            }
        }
    }
}
