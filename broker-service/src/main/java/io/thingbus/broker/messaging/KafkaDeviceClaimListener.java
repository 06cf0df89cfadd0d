package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted device claims topic ({@link Topics#DEVICE_CLAIMS}) into {@link ClaimedDevices}, as the
 * credentials are read (a {@link CompactedTopicListener}: every partition from the beginning at every start, no
 * consumer group): what a gateway sends for a device claimed away from its user goes to the claimer, and the
 * claimer's messages for the device reach the gateway. The claims become {@linkplain ClaimedDevices#isCurrent()
 * current} once every partition has been read up to the end offset seen at start-up.
 *
 * <p>A malformed record is logged, counted ({@code thingbus.broker.device-claim.records.malformed}) and skipped. Kafka
 * being unreachable only delays the listener; it retries until shutdown.
 */
@Singleton
public class KafkaDeviceClaimListener {

    private static final Logger LOG = Logger.getLogger(KafkaDeviceClaimListener.class);

    private final CompactedTopicListener listener;

    KafkaDeviceClaimListener(ClaimedDevices claims, KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        Counter malformed = Counter.builder("thingbus.broker.device-claim.records.malformed")
                .description("Device claim records skipped because they do not follow their schema")
                .register(registry);
        Gauge.builder("thingbus.broker.device-claims.known", claims, ClaimedDevices::size)
                .description("Devices claimed away from the user whose gateway carries them, as the broker knows")
                .register(registry);
        this.listener = new CompactedTopicListener(Topics.DEVICE_CLAIMS, "device-claim",
                CompactedTopicListener.settings(kafka, "thingbus-broker-device-claims-" + instance.id()),
                (key, value) -> DeviceClaimRecords.apply(key, value, claims), () -> current(claims), malformed);
    }

    /** Creates the consumer at once, so that invalid Kafka settings stop start-up, and starts reading. */
    void start(@Observes @Priority(10) StartupEvent event) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        listener.stop();
    }

    /** Whether the listener thread runs; false after shutdown or when it died on an unexpected error. */
    public boolean isRunning() {
        return listener.isRunning();
    }

    private static void current(ClaimedDevices claims) {
        claims.markCurrent();
        LOG.infof("device claims are current: %d devices claimed away from their gateway's user", claims.size());
    }
}
