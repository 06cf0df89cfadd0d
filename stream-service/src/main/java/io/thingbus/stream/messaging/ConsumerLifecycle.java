package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.ConsumerLoopSettings;
import io.thingbus.kafka.ConsumerMetricsBinding;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.stream.config.DeviceConsumerConfig;
import io.thingbus.stream.config.TelemetryConsumerConfig;
import io.thingbus.stream.domain.DeviceDirectory;
import io.thingbus.stream.domain.TelemetryIngestion;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the service's two consumer loops when the service starts, unless their settings switch them off — the
 * telemetry consumer ({@code thingbus.stream.consumer.*}) and the device registry consumer
 * ({@code thingbus.stream.devices.*}) — and stops them, letting a running batch finish, when it stops. The telemetry
 * consumer's Kafka client metrics ({@code kafka_consumer_*}) are bound to the meter registry while its client exists.
 * Invalid settings ({@code thingbus.stream.*} or {@code kafka.*}) stop the start-up. A new consumer group starts at
 * the beginning of its topic.
 */
@Singleton
public class ConsumerLifecycle {

    /** The names of the consumers' threads and health checks. */
    static final String TELEMETRY = "telemetry-consumer";
    static final String DEVICES = "device-consumer";

    private static final Logger LOG = Logger.getLogger(ConsumerLifecycle.class);

    private final TelemetryConsumerConfig telemetryConfig;
    private final DeviceConsumerConfig devicesConfig;
    private final KafkaClientSettings kafka;
    private final TelemetryIngestion ingestion;
    private final DeviceDirectory directory;
    private final MeterRegistry registry;
    private volatile KafkaConsumerLoop telemetry;
    private volatile KafkaConsumerLoop devices;

    @Inject
    public ConsumerLifecycle(TelemetryConsumerConfig telemetryConfig, DeviceConsumerConfig devicesConfig,
            KafkaClientSettings kafka, TelemetryIngestion ingestion, DeviceDirectory directory,
            MeterRegistry registry) {
        this.telemetryConfig = telemetryConfig;
        this.devicesConfig = devicesConfig;
        this.kafka = kafka;
        this.ingestion = ingestion;
        this.directory = directory;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        startTelemetry();
        startDevices();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stop(telemetry);
        stop(devices);
    }

    /** The telemetry consumer, or empty when it is switched off. */
    public Optional<KafkaConsumerLoop> telemetry() {
        return Optional.ofNullable(telemetry);
    }

    /** The device registry consumer, or empty when it is switched off. */
    public Optional<KafkaConsumerLoop> devices() {
        return Optional.ofNullable(devices);
    }

    private void startTelemetry() {
        if (!telemetryConfig.enabled()) {
            LOG.info("telemetry consumer disabled (thingbus.stream.consumer.enabled=false)");
            return;
        }
        ConsumerLoopSettings settings = settings(telemetryConfig);
        telemetry = new KafkaConsumerLoop(TELEMETRY, List.of(Topics.TELEMETRY),
                settings.consumerConfig(kafka, clientId(settings, Topics.TELEMETRY), "earliest"),
                settings.pollTimeout(), settings.backoff(),
                new TelemetryBatchHandler(ingestion, new IngestionMetrics(registry)),
                List.of(new ConsumerMetricsBinding(registry)));
        telemetry.start();
        LOG.infof("consuming telemetry as group %s", settings.groupId());
    }

    private void startDevices() {
        if (!devicesConfig.enabled()) {
            LOG.info("device consumer disabled (thingbus.stream.devices.enabled=false): "
                    + "every device stores into its default channel");
            return;
        }
        ConsumerLoopSettings settings = settings(devicesConfig);
        devices = new KafkaConsumerLoop(DEVICES, List.of(Topics.DEVICES),
                settings.consumerConfig(kafka, clientId(settings, Topics.DEVICES), "earliest"), settings.pollTimeout(),
                settings.backoff(), new DeviceBatchHandler(directory, registry));
        devices.start();
        LOG.infof("following the device registry as group %s", settings.groupId());
    }

    /** @throws IllegalArgumentException naming the property when a value is unusable */
    static ConsumerLoopSettings settings(TelemetryConsumerConfig config) {
        return new ConsumerLoopSettings("thingbus.stream.consumer", config.groupId(), config.maxPollRecords(),
                config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax());
    }

    /** @throws IllegalArgumentException naming the property when a value is unusable */
    static ConsumerLoopSettings settings(DeviceConsumerConfig config) {
        return new ConsumerLoopSettings("thingbus.stream.devices", config.groupId(), config.maxPollRecords(),
                config.pollTimeout(), config.retryBackoffInitial(), config.retryBackoffMax());
    }

    private static String clientId(ConsumerLoopSettings settings, String topic) {
        return settings.groupId() + "-" + topic;
    }

    private static void stop(KafkaConsumerLoop loop) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }
}
