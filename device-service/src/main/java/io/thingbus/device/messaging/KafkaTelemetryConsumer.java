package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.ProvisioningConfig;
import io.thingbus.device.domain.AutoProvisioning;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Reads {@code thingbus.telemetry.v1} (consumer group {@code thingbus.provisioning.group-id}) and auto-provisions the
 * devices it has not seen. Offsets are committed only after the registrations of a batch committed; when they cannot
 * be stored the batch is read again after a back-off. A record that does not follow the telemetry schema is logged,
 * counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaTelemetryConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaTelemetryConsumer.class);

    private final AutoProvisioning provisioning;
    private final KafkaClientSettings kafka;
    private final ProvisioningConfig config;
    private final RegistrationMetrics registrations;
    private final Counter malformed;
    private KafkaConsumerLoop loop;

    public KafkaTelemetryConsumer(AutoProvisioning provisioning, KafkaClientSettings kafka, ProvisioningConfig config,
                                  RegistrationMetrics registrations) {
        this.provisioning = provisioning;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.malformed = registrations.malformed("telemetry", "Telemetry records skipped because they do not follow "
                + "the schema");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("auto-provisioning is disabled (thingbus.provisioning.enabled=false)");
            return;
        }
        loop = new KafkaConsumerLoop("telemetry-consumer", Topics.TELEMETRY,
                kafka.consumer("device-service-provisioning", config.groupId(), config.autoOffsetReset()),
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
        registrations.count(provisioning.provision(devicesIn(records)));
    }

    private List<AutoProvisioning.SeenDevice> devicesIn(ConsumerRecords<byte[], byte[]> records) {
        List<AutoProvisioning.SeenDevice> devices = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                TelemetryRecord telemetry =
                        TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()), record.value());
                devices.add(new AutoProvisioning.SeenDevice(telemetry.key(), telemetry.tokenHash()));
            } catch (MalformedRecordException e) {
                malformed.increment();
                LOG.warnf("skipping malformed telemetry record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return devices;
    }
}
