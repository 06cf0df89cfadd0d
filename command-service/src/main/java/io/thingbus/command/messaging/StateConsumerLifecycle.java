package io.thingbus.command.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.thingbus.command.config.StateConsumerConfig;
import io.thingbus.command.domain.StateProjection;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the state consumer on its own thread when the service starts (unless disabled) and stops it, letting a
 * running batch finish, when the service stops. Invalid settings stop the start-up.
 */
@Singleton
public class StateConsumerLifecycle {

    private static final Logger LOG = Logger.getLogger(StateConsumerLifecycle.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final StateConsumerConfig config;
    private final Map<String, Object> kafkaClientProperties;
    private final StateProjection projection;
    private final MeterRegistry registry;
    private final RpcDispatchLoop dispatchLoop;
    private volatile KafkaStateConsumer consumer;
    private volatile Thread thread;

    @Inject
    public StateConsumerLifecycle(StateConsumerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClientProperties,
            StateProjection projection, MeterRegistry registry, RpcDispatchLoop dispatchLoop) {
        this.config = config;
        this.kafkaClientProperties = kafkaClientProperties;
        this.projection = projection;
        this.registry = registry;
        this.dispatchLoop = dispatchLoop;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("state consumer disabled (thingbus.command.consumer.enabled=false)");
            return;
        }
        consumer = new KafkaStateConsumer(kafkaClientProperties, ConsumerSettings.from(config), projection,
                new StateMetrics(registry), dispatchLoop::wakeUp);
        thread = new Thread(consumer, "state-consumer");
        thread.start();
        LOG.infof("consuming devices, lifecycle events and device requests as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warnf("state consumer did not stop within %s", STOP_TIMEOUT);
        }
    }

    /** The running consumer, or empty when it is disabled. */
    public Optional<KafkaStateConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** Whether the consumer thread is alive (false when disabled). */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }
}
