package io.thingbus.session.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.kafka.ConsumerLoopHealth;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.ConsumerProbe;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.session.config.LifecycleConsumerConfig;
import io.thingbus.session.domain.LifecycleProjection;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the lifecycle consumer ({@link KafkaConsumerLoop} with a {@link LifecycleBatchHandler}) on its own thread
 * when the service starts (unless disabled) and stops it, letting a running batch finish, when the service stops.
 * Invalid settings stop the start-up.
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
    private volatile KafkaClientMetrics clientMetrics;

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
        Map<String, Object> consumerConfig = settings.consumerConfig(kafka, CLIENT_ID, "earliest");
        LifecycleMetrics metrics = new LifecycleMetrics(registry);
        ConsumerProbe probe = new ConsumerProbe();
        probe.whenCreated(() -> clientMetrics = metrics.bind(probe.metricsView()));
        loop = new KafkaConsumerLoop(NAME, LifecycleBatchHandler.TOPICS, probe.attachTo(consumerConfig),
                settings.pollTimeout(), settings.backoff(), new LifecycleBatchHandler(projection, metrics));
        loop.start();
        LOG.infof("consuming session lifecycle events as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop == null) {
            return;
        }
        loop.stop();
        if (health().live()) {
            LOG.warn("lifecycle consumer did not stop in time");
        }
        if (clientMetrics != null) {
            clientMetrics.close();
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
