package io.thingbus.device.messaging;

import io.thingbus.device.config.ConsumerLoopConfig;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.kafka.KafkaConsumerLoop.BatchHandler;
import io.thingbus.kafka.RetryBackoff;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The consumer of one feature of this service, which its configuration may switch off ({@link ConsumerLoopConfig}): a
 * {@link KafkaConsumerLoop} on one topic that waits the feature's {@code retry-backoff} before every new attempt at a
 * batch it could not handle.
 *
 * <p>Healthy while the feature is switched off, and while the loop's thread runs, also while it retries a batch: a
 * database or Kafka outage shows in the logs and metrics, it does not make the service unready. Not healthy before
 * {@link #start} or after the loop stopped or failed.
 *
 * <p>{@link #start} and {@link #stop} once each, from any thread; {@link #healthy} from any thread.
 */
final class FeatureConsumer {

    private final Logger log;
    private final String name;
    private final ConsumerLoopConfig config;
    private final String disabledNotice;
    private volatile KafkaConsumerLoop loop;

    /**
     * @param log the owning consumer's logger
     * @param name the consumer thread's name and how logs and health checks call it, e.g. {@code telemetry-consumer}
     * @param disabledNotice what {@link #start} logs at INFO when the feature is switched off
     */
    FeatureConsumer(Logger log, String name, ConsumerLoopConfig config, String disabledNotice) {
        this.log = log;
        this.name = name;
        this.config = config;
        this.disabledNotice = disabledNotice;
    }

    /**
     * Starts reading {@code topic} on the consumer's own thread, or only logs the disabled notice when the feature is
     * switched off.
     *
     * @param consumerConfig from {@link io.thingbus.kafka.KafkaClientSettings#consumer}
     * @param handler returns when the batch's work is durable; throws to have the batch read again
     */
    void start(String topic, Map<String, Object> consumerConfig, BatchHandler handler) {
        if (!config.enabled()) {
            log.info(disabledNotice);
            return;
        }
        KafkaConsumerLoop started = new KafkaConsumerLoop(name, List.of(topic), consumerConfig, config.pollTimeout(),
                new RetryBackoff(config.retryBackoff(), config.retryBackoff()), handler);
        started.start();
        loop = started;
    }

    String name() {
        return name;
    }

    /** Lets a batch being handled finish and waits (at most 10 s) for the thread to end; nothing when not started. */
    void stop() throws InterruptedException {
        KafkaConsumerLoop current = loop;
        if (current != null) {
            current.stop();
        }
    }

    /** Whether the feature is switched off or its consumer thread runs (readiness). */
    boolean healthy() {
        if (!config.enabled()) {
            return true;
        }
        KafkaConsumerLoop current = loop;
        return current != null && runs(current.state());
    }

    private static boolean runs(KafkaConsumerLoop.State state) {
        return state != KafkaConsumerLoop.State.STOPPED && state != KafkaConsumerLoop.State.FAILED;
    }
}
