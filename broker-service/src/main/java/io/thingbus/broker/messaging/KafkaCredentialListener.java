package io.thingbus.broker.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.domain.DeviceCredentials;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted credentials topic into {@link DeviceCredentials} (a {@link CompactedTopicListener}: every
 * partition from the beginning at every start, no consumer group). The credentials become
 * {@linkplain DeviceCredentials#isCurrent() current} once every partition has been read up to the end offset seen at
 * start-up.
 *
 * <p>A malformed record is logged, counted ({@code thingbus.broker.credential.records.malformed}) and skipped. Kafka
 * being unreachable only delays the listener; it retries until shutdown.
 */
@Singleton
public class KafkaCredentialListener {

    private static final Logger LOG = Logger.getLogger(KafkaCredentialListener.class);

    private final CompactedTopicListener listener;

    KafkaCredentialListener(DeviceCredentials credentials, KafkaClientSettings kafka, BrokerInstance instance,
            MeterRegistry registry) {
        Counter malformed = Counter.builder("thingbus.broker.credential.records.malformed")
                .description("Credential records skipped because they do not follow their schema")
                .register(registry);
        Gauge.builder("thingbus.broker.credentials.known", credentials, DeviceCredentials::size)
                .description("Device tokens the broker accepts")
                .register(registry);
        this.listener = new CompactedTopicListener(Topics.DEVICE_CREDENTIALS, "credential",
                CompactedTopicListener.settings(kafka, "thingbus-broker-credentials-" + instance.id()),
                (key, value) -> CredentialRecords.apply(key, value, credentials), () -> current(credentials),
                malformed);
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

    private static void current(DeviceCredentials credentials) {
        credentials.markCurrent();
        LOG.infof("credentials are current: %d device tokens accepted", credentials.size());
    }
}
