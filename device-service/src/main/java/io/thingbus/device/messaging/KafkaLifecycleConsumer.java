package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.SubdeviceConfig;
import io.thingbus.device.domain.GatewayEvent;
import io.thingbus.device.domain.Subdevices;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Reads {@code thingbus.lifecycle.v1} (consumer group {@code thingbus.subdevices.group-id}) and keeps the sub-device
 * links: sub-device connects and disconnects, and session ends that disconnect a gateway's sub-devices. A batch is
 * applied in one transaction and its offsets committed after that; a record that does not follow its schema is
 * logged, counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaLifecycleConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaLifecycleConsumer.class);

    private final Subdevices subdevices;
    private final KafkaClientSettings kafka;
    private final SubdeviceConfig config;
    private final RegistrationMetrics registrations;
    private final Counter malformed;
    private final Counter linked;
    private final Counter disconnected;
    private KafkaConsumerLoop loop;

    public KafkaLifecycleConsumer(Subdevices subdevices, KafkaClientSettings kafka, SubdeviceConfig config,
                                  RegistrationMetrics registrations) {
        this.subdevices = subdevices;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.malformed = registrations.malformed("lifecycle", "Lifecycle records skipped because they do not "
                + "follow the schema");
        this.linked = registrations.counter("subdevices.connected", "Sub-device connects stored");
        this.disconnected = registrations.counter("subdevices.disconnected",
                "Sub-devices marked disconnected (their own disconnect or their gateway's session end)");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("sub-device links are disabled (thingbus.subdevices.enabled=false)");
            return;
        }
        loop = new KafkaConsumerLoop("lifecycle-consumer", Topics.LIFECYCLE,
                kafka.consumer("device-service-lifecycle", config.groupId(), config.autoOffsetReset()),
                config.pollTimeout(), config.retryBackoff(), this::handle);
        loop.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** Whether the consumer is disabled or its thread is running (readiness). */
    public boolean healthy() {
        return !config.enabled() || (loop != null && loop.alive());
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        Subdevices.Outcome outcome = subdevices.apply(eventsIn(records));
        registrations.count(outcome.registrations());
        linked.increment(outcome.linked());
        disconnected.increment(outcome.disconnected());
    }

    private List<GatewayEvent> eventsIn(ConsumerRecords<byte[], byte[]> records) {
        List<GatewayEvent> events = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                Optional<GatewayEvent> event = LifecycleRecords.read(KafkaHeaders.type(record.headers()),
                        record.value());
                event.ifPresent(e -> KafkaHeaders.requireTenant(record.headers(), LifecycleRecords.tenantOf(e)));
                event.ifPresent(events::add);
            } catch (MalformedRecordException e) {
                malformed.increment();
                LOG.warnf("skipping malformed lifecycle record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return events;
    }
}
