package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.stream.config.DeviceConsumerConfig;
import io.thingbus.stream.domain.DeviceDirectory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the devices-topic consumer on its own thread when the service starts (unless disabled) and stops it, letting
 * a running batch finish, when the service stops. Invalid settings stop the start-up.
 */
@Singleton
public class DeviceConsumerLifecycle {

    private static final Logger LOG = Logger.getLogger(DeviceConsumerLifecycle.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final DeviceConsumerConfig config;
    private final KafkaClientSettings kafka;
    private final DeviceDirectory directory;
    private final MeterRegistry registry;
    private volatile KafkaDeviceConsumer consumer;
    private volatile Thread thread;

    @Inject
    public DeviceConsumerLifecycle(DeviceConsumerConfig config, KafkaClientSettings kafka, DeviceDirectory directory,
            MeterRegistry registry) {
        this.config = config;
        this.kafka = kafka;
        this.directory = directory;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("device consumer disabled (thingbus.stream.devices.enabled=false): "
                    + "every device stores into its default channel");
            return;
        }
        consumer = new KafkaDeviceConsumer(kafka.common(), ConsumerSettings.from(config), directory, registry);
        thread = new Thread(consumer, "device-consumer");
        thread.start();
        LOG.infof("following the device registry as group %s", config.groupId());
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (consumer == null) {
            return;
        }
        consumer.stop();
        thread.join(STOP_TIMEOUT.toMillis());
        if (thread.isAlive()) {
            LOG.warnf("device consumer did not stop within %s", STOP_TIMEOUT);
        }
    }

    /** The running consumer, or empty when it is disabled. */
    public Optional<KafkaDeviceConsumer> consumer() {
        return Optional.ofNullable(consumer);
    }

    /** Whether the consumer thread is alive (false when disabled). */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }
}
