package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.thingbus.stream.config.TelemetryConsumerConfig;
import io.thingbus.stream.domain.TelemetryIngestion;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the telemetry consumer on its own thread when the service starts (unless disabled) and stops it, letting a
 * running batch finish, when the service stops. Invalid Kafka settings stop the start-up.
 */
@Singleton
public class TelemetryConsumerLifecycle {

    private static final Logger LOG = Logger.getLogger(TelemetryConsumerLifecycle.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final TelemetryConsumerConfig config;
    private final Map<String, Object> kafkaClientProperties;
    private final TelemetryIngestion ingestion;
    private final MeterRegistry registry;
    private volatile KafkaTelemetryConsumer consumer;
    private volatile Thread thread;

    @Inject
    public TelemetryConsumerLifecycle(TelemetryConsumerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaClientProperties,
            TelemetryIngestion ingestion, MeterRegistry registry) {
        this.config = config;
        this.kafkaClientProperties = kafkaClientProperties;
        this.ingestion = ingestion;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("telemetry consumer disabled (thingbus.stream.consumer.enabled=false)");
            return;
        }
        consumer = new KafkaTelemetryConsumer(kafkaClientProperties, ConsumerSettings.from(config), ingestion,
                new IngestionMetrics(registry));
        thread = new Thread(consumer, "telemetry-consumer");
        thread.start();
        LOG.infof("consuming telemetry as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warnf("telemetry consumer did not stop within %s", STOP_TIMEOUT);
        }
    }

    /** The running consumer, or empty when it is disabled. */
    public Optional<KafkaTelemetryConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** Whether the consumer thread is alive (false when disabled). */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }
}
