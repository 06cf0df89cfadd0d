package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.AttributeConfig;
import io.thingbus.device.domain.DeviceAttributes;
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
 * Reads {@code thingbus.attributes.v1} (consumer group {@code thingbus.attributes.group-id}) and stores the client-side
 * attributes devices and gateways report. A batch is stored in one transaction and its offsets committed after that;
 * a record that does not follow its schema is logged, counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaAttributeConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaAttributeConsumer.class);

    private final DeviceAttributes attributes;
    private final KafkaClientSettings kafka;
    private final AttributeConfig config;
    private final RegistrationMetrics registrations;
    private final Counter malformed;
    private final Counter stored;
    private KafkaConsumerLoop loop;

    public KafkaAttributeConsumer(DeviceAttributes attributes, KafkaClientSettings kafka, AttributeConfig config,
                                  RegistrationMetrics registrations) {
        this.attributes = attributes;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.malformed = registrations.malformed("attributes", "Attribute records skipped because they do not "
                + "follow the schema");
        this.stored = registrations.counter("attributes.reported", "Client-side attribute updates stored");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("client-side attributes are disabled (thingbus.attributes.enabled=false)");
            return;
        }
        loop = new KafkaConsumerLoop("attributes-consumer", Topics.ATTRIBUTES,
                kafka.consumer("device-service-attributes", config.groupId(), config.autoOffsetReset()),
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
        DeviceAttributes.Outcome outcome = attributes.report(reportsIn(records));
        registrations.count(outcome.registrations());
        stored.increment(outcome.stored());
    }

    private List<DeviceAttributes.Report> reportsIn(ConsumerRecords<byte[], byte[]> records) {
        List<DeviceAttributes.Report> reports = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                Optional<DeviceAttributes.Report> report =
                        AttributeRecords.read(KafkaHeaders.type(record.headers()), record.value());
                report.ifPresent(r -> KafkaHeaders.requireTenant(record.headers(), r.device().tenant()));
                report.ifPresent(reports::add);
            } catch (MalformedRecordException e) {
                malformed.increment();
                LOG.warnf("skipping malformed attributes record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return reports;
    }
}
