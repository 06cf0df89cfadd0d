package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.AttributeConfig;
import io.thingbus.device.domain.DeviceAttributes;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Reads {@code thingbus.attributes.v1} (consumer group {@code thingbus.attributes.group-id}) and stores the client-side
 * attributes devices and gateways report. A batch is stored in one transaction and its offsets committed after that;
 * a record that does not follow its schema is logged, counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaAttributeConsumer {

    /** The consumer thread's name, and how health checks and logs call it. */
    static final String NAME = "attributes-consumer";

    private static final Logger LOG = Logger.getLogger(KafkaAttributeConsumer.class);

    private final DeviceAttributes attributes;
    private final KafkaClientSettings kafka;
    private final AttributeConfig config;
    private final RegistrationMetrics registrations;
    private final MalformedRecords malformed;
    private final Counter stored;
    private final FeatureConsumers consumers;

    public KafkaAttributeConsumer(DeviceAttributes attributes, KafkaClientSettings kafka, AttributeConfig config,
                                  RegistrationMetrics registrations, FeatureConsumers consumers) {
        this.attributes = attributes;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.consumers = consumers;
        this.malformed = new MalformedRecords(LOG, "attributes", registrations.malformed("attributes",
                "Attribute records skipped because they do not follow the schema"));
        this.stored = registrations.counter("attributes.reported", "Client-side attribute updates stored");
    }

    void start(@Observes StartupEvent event) {
        FeatureConsumer consumer = new FeatureConsumer(LOG, NAME, config,
                "client-side attributes are disabled (thingbus.attributes.enabled=false)");
        consumers.start(consumer, Topics.ATTRIBUTES,
                kafka.consumer("device-service-attributes", config.groupId(), config.autoOffsetReset()),
                this::handle);
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        List<DeviceAttributes.Report> reports = malformed.readAll(records, KafkaAttributeConsumer::report);
        DeviceAttributes.Outcome outcome = attributes.report(reports);
        registrations.count(outcome.registrations());
        stored.increment(outcome.stored());
    }

    private static Optional<DeviceAttributes.Report> report(ConsumerRecord<byte[], byte[]> record) {
        Optional<DeviceAttributes.Report> report =
                AttributeRecords.read(KafkaHeaders.type(record.headers()), record.value());
        report.ifPresent(r -> KafkaHeaders.requireTenant(record.headers(), r.device().tenant()));
        return report;
    }
}
