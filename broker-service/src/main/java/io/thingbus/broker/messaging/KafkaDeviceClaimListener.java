package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.broker.domain.Reannounced;
import io.thingbus.broker.domain.SubdeviceOwnership;
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
 * current} once every partition has been read up to the end offset seen at start-up. Records are applied through the
 * {@link SubdeviceOwnership}, which re-announces the sub-devices connected here whose owner a record changed.
 *
 * <p>A malformed record is logged, counted ({@code thingbus.broker.device-claim.records.malformed}) and skipped. A
 * re-announcement is counted per sub-device link ({@code thingbus.broker.subdevice.reannouncements}, {@code outcome}
 * {@code sent} or {@code failed}); one Kafka did not store is logged too: consumers then keep the former owner of that
 * link until the gateway connects the device again. Kafka being unreachable only delays the listener; it retries
 * until shutdown.
 */
@Singleton
public class KafkaDeviceClaimListener {

    private static final Logger LOG = Logger.getLogger(KafkaDeviceClaimListener.class);

    private final CompactedTopicListener listener;

    KafkaDeviceClaimListener(ClaimedDevices claims, SubdeviceOwnership ownership, KafkaClientSettings kafka,
            BrokerInstance instance, MeterRegistry registry) {
        Counter malformed = Counter.builder("thingbus.broker.device-claim.records.malformed")
                .description("Device claim records skipped because they do not follow their schema")
                .register(registry);
        Counter sent = reannouncements(registry, "sent");
        Counter failed = reannouncements(registry, "failed");
        Gauge.builder("thingbus.broker.device-claims.known", claims, ClaimedDevices::size)
                .description("Devices claimed away from the user whose gateway carries them, as the broker knows")
                .register(registry);
        this.listener = new CompactedTopicListener(Topics.DEVICE_CLAIMS, "device-claim",
                CompactedTopicListener.settings(kafka, "thingbus-broker-device-claims-" + instance.id()),
                (key, value) -> count(DeviceClaimRecords.apply(key, value, ownership), sent, failed),
                () -> current(claims), malformed);
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

    private static Counter reannouncements(MeterRegistry registry, String outcome) {
        return Counter.builder("thingbus.broker.subdevice.reannouncements").tag("outcome", outcome)
                .description("Sub-device links of gateways here re-announced under their new owner after a claim or"
                        + " a tombstone: stored in Kafka (sent) or not (failed)")
                .register(registry);
    }

    private static void count(Reannounced reannounced, Counter sent, Counter failed) {
        if (reannounced.links() == 0) {
            return;
        }
        reannounced.stored().whenComplete((stored, error) -> {
            if (error == null) {
                sent.increment(reannounced.links());
                return;
            }
            failed.increment(reannounced.links());
            LOG.warnf("%d sub-device links whose owner changed could not be re-announced: %s", reannounced.links(),
                    error.getMessage());
        });
    }

    private static void current(ClaimedDevices claims) {
        claims.markCurrent();
        LOG.infof("device claims are current: %d devices claimed away from their gateway's user", claims.size());
    }
}
