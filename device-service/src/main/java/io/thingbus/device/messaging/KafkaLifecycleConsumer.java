package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.SubdeviceConfig;
import io.thingbus.device.domain.GatewayEvent;
import io.thingbus.device.domain.Subdevices;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Reads {@code thingbus.lifecycle.v1} (consumer group {@code thingbus.subdevices.group-id}) and keeps the sub-device
 * links: sub-device connects and disconnects, and session ends that disconnect a gateway's sub-devices (and make later
 * connects over the ended connection be ignored, see {@link Subdevices}). A batch is applied in one transaction and
 * its offsets committed after that; a record that does not follow its schema is logged, counted and skipped. Runs on
 * its own thread.
 */
@ApplicationScoped
public class KafkaLifecycleConsumer {

    /** The consumer thread's name, and how health checks and logs call it. */
    static final String NAME = "lifecycle-consumer";

    private static final Logger LOG = Logger.getLogger(KafkaLifecycleConsumer.class);

    private final Subdevices subdevices;
    private final KafkaClientSettings kafka;
    private final SubdeviceConfig config;
    private final RegistrationMetrics registrations;
    private final MalformedRecords malformed;
    private final Counter linked;
    private final Counter disconnected;
    private final Counter afterSessionEnd;
    private final FeatureConsumers consumers;

    public KafkaLifecycleConsumer(Subdevices subdevices, KafkaClientSettings kafka, SubdeviceConfig config,
                                  RegistrationMetrics registrations, FeatureConsumers consumers) {
        this.subdevices = subdevices;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.consumers = consumers;
        this.malformed = new MalformedRecords(LOG, "lifecycle", registrations.malformed("lifecycle",
                "Lifecycle records skipped because they do not follow the schema"));
        this.linked = registrations.counter("subdevices.connected", "Sub-device connects stored");
        this.disconnected = registrations.counter("subdevices.disconnected",
                "Sub-devices marked disconnected (their own disconnect or their gateway's session end)");
        this.afterSessionEnd = registrations.counter("subdevices.connects_after_session_end",
                "Sub-device connects ignored because the gateway connection they came over had already ended");
    }

    void start(@Observes StartupEvent event) {
        FeatureConsumer consumer = new FeatureConsumer(LOG, NAME, config,
                "sub-device links are disabled (thingbus.subdevices.enabled=false)");
        consumers.start(consumer, Topics.LIFECYCLE,
                kafka.consumer("device-service-lifecycle", config.groupId(), config.autoOffsetReset()),
                this::handle);
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        Subdevices.Outcome outcome = subdevices.apply(malformed.readAll(records, KafkaLifecycleConsumer::event));
        registrations.count(outcome.registrations());
        linked.increment(outcome.linked());
        disconnected.increment(outcome.disconnected());
        afterSessionEnd.increment(outcome.afterSessionEnd());
    }

    private static Optional<GatewayEvent> event(ConsumerRecord<byte[], byte[]> record) {
        Optional<GatewayEvent> event = LifecycleRecords.read(KafkaHeaders.type(record.headers()), record.value());
        // tb_tenant is the gateway session's tenant, also when the event is about a device another user owns
        event.ifPresent(e -> KafkaHeaders.requireTenant(record.headers(), e.gatewayTenant()));
        return event;
    }
}
