package io.thingbus.session.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.thingbus.session.config.LifecycleConsumerConfig;
import io.thingbus.session.domain.LifecycleProjection;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the lifecycle consumer on its own thread when the service starts (unless disabled) and stops it, letting a
 * running batch finish, when the service stops. Invalid settings stop the start-up.
 */
@Singleton
public class LifecycleConsumerLifecycle {

    private static final Logger LOG = Logger.getLogger(LifecycleConsumerLifecycle.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final LifecycleConsumerConfig config;
    private final Map<String, Object> kafkaClientProperties;
    private final LifecycleProjection projection;
    private final MeterRegistry registry;
    private volatile KafkaLifecycleConsumer consumer;
    private volatile Thread thread;

    @Inject
    public LifecycleConsumerLifecycle(LifecycleConsumerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClientProperties,
            LifecycleProjection projection, MeterRegistry registry) {
        this.config = config;
        this.kafkaClientProperties = kafkaClientProperties;
        this.projection = projection;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("lifecycle consumer disabled (thingbus.session.consumer.enabled=false)");
            return;
        }
        consumer = new KafkaLifecycleConsumer(kafkaClientProperties, ConsumerSettings.from(config), projection,
                new LifecycleMetrics(registry));
        thread = new Thread(consumer, "lifecycle-consumer");
        thread.start();
        LOG.infof("consuming session lifecycle events as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warnf("lifecycle consumer did not stop within %s", STOP_TIMEOUT);
        }
    }

    /** The running consumer, or empty when it is disabled. */
    public Optional<KafkaLifecycleConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** Whether the consumer thread is alive (false when disabled). */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }
}
