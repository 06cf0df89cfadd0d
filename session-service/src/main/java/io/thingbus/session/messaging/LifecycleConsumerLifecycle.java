package io.thingbus.session.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.kafka.ConsumerLoopHealth;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.ConsumerMetricsBinding;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.session.config.LifecycleConsumerConfig;
import io.thingbus.session.domain.LifecycleProjection;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the lifecycle consumer ({@link KafkaConsumerLoop} with a {@link LifecycleBatchHandler}) on its own thread
 * when the service starts (unless disabled) and stops it, letting a running batch finish, when the service stops. The
 * consumer's Kafka client metrics ({@code kafka_consumer_*}) are bound to the meter registry while it exists. Invalid
 * settings stop the start-up.
 */
@Singleton
public class LifecycleConsumerLifecycle {

    static final String NAME = "lifecycle-consumer";
    private static final String CLIENT_ID = "session-service-lifecycle";
    private static final Logger LOG = Logger.getLogger(LifecycleConsumerLifecycle.class);

    private final LifecycleConsumerConfig config;
    private final KafkaClientSettings kafka;
    private final LifecycleProjection projection;
    private final MeterRegistry registry;
    private volatile KafkaConsumerLoop loop;

    @Inject
    public LifecycleConsumerLifecycle(LifecycleConsumerConfig config, KafkaClientSettings kafka,
            LifecycleProjection projection, MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.projection = projection;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("lifecycle consumer disabled (thingbus.session.consumer.enabled=false)");
            return;
        }
        ConsumerLoopSettings settings = settings(config);
        loop = new KafkaConsumerLoop(NAME, LifecycleBatchHandler.TOPICS,
                settings.consumerConfig(kafka, CLIENT_ID, "earliest"), settings.pollTimeout(), settings.backoff(),
                new LifecycleBatchHandler(projection, new LifecycleMetrics(registry)),
                List.of(new ConsumerMetricsBinding(registry)));
        loop.start();
        LOG.infof("consuming session lifecycle events as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** @throws IllegalArgumentException naming the property when a value is unusable */
    static ConsumerLoopSettings settings(LifecycleConsumerConfig config) {
        return new ConsumerLoopSettings("thingbus.session.consumer", config.groupId(), config.maxPollRecords(),
                config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax());
    }

    /** What the health checks say of the consumer; {@code disabled} when it does not run. */
    public ConsumerLoopHealth health() {
        return ConsumerLoopHealth.of(NAME, Optional.ofNullable(loop));
    }
}
