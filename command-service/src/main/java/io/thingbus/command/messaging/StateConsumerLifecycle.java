package io.thingbus.command.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.command.config.StateConsumerConfig;
import io.thingbus.command.domain.StateProjection;
import io.thingbus.kafka.ConsumerLoopHealth;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.ConsumerMetricsBinding;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the state consumer ({@link KafkaConsumerLoop} with a {@link StateBatchHandler}) on its own thread when the
 * service starts (unless disabled) and stops it, letting a running batch finish, when the service stops. The
 * consumer's Kafka client metrics ({@code kafka_consumer_*}) are bound to the meter registry while it exists. Invalid
 * settings stop the start-up.
 */
@Singleton
public class StateConsumerLifecycle {

    static final String NAME = "state-consumer";
    private static final String CLIENT_ID = "command-service-state";
    private static final Logger LOG = Logger.getLogger(StateConsumerLifecycle.class);

    private final StateConsumerConfig config;
    private final KafkaClientSettings kafka;
    private final StateProjection projection;
    private final MeterRegistry registry;
    private final RpcDispatchLoop dispatchLoop;
    private volatile KafkaConsumerLoop loop;

    @Inject
    public StateConsumerLifecycle(StateConsumerConfig config, KafkaClientSettings kafka, StateProjection projection,
            MeterRegistry registry, RpcDispatchLoop dispatchLoop) {
        this.config = config;
        this.kafka = kafka;
        this.projection = projection;
        this.registry = registry;
        this.dispatchLoop = dispatchLoop;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("state consumer disabled (thingbus.command.consumer.enabled=false)");
            return;
        }
        ConsumerLoopSettings settings = settings(config);
        StateMetrics metrics = new StateMetrics(registry);
        loop = new KafkaConsumerLoop(NAME, StateBatchHandler.TOPICS,
                settings.consumerConfig(kafka, CLIENT_ID, "earliest"), settings.pollTimeout(), settings.backoff(),
                new StateBatchHandler(projection, metrics, dispatchLoop::wakeUp),
                List.of(new ConsumerMetricsBinding(registry)));
        loop.start();
        LOG.infof("consuming devices, lifecycle events and device requests as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** @throws IllegalArgumentException naming the property when a value is unusable */
    static ConsumerLoopSettings settings(StateConsumerConfig config) {
        return new ConsumerLoopSettings("thingbus.command.consumer", config.groupId(), config.maxPollRecords(),
                config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax());
    }

    /** What the health checks say of the consumer; {@code disabled} when it does not run. */
    public ConsumerLoopHealth health() {
        return ConsumerLoopHealth.of(NAME, Optional.ofNullable(loop));
    }
}
