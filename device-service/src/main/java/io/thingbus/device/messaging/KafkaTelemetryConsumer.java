package io.thingbus.device.messaging;

import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.ProvisioningConfig;
import io.thingbus.device.domain.AutoProvisioning;
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
 * Reads {@code thingbus.telemetry.v1} (consumer group {@code thingbus.provisioning.group-id}) and auto-provisions the
 * devices it has not seen. Offsets are committed only after the registrations of a batch committed; when they cannot
 * be stored the batch is read again after a back-off. A record that does not follow the telemetry schema is logged,
 * counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaTelemetryConsumer {

    /** The consumer thread's name, and how health checks and logs call it. */
    static final String NAME = "telemetry-consumer";

    private static final Logger LOG = Logger.getLogger(KafkaTelemetryConsumer.class);

    private final AutoProvisioning provisioning;
    private final KafkaClientSettings kafka;
    private final ProvisioningConfig config;
    private final RegistrationMetrics registrations;
    private final MalformedRecords malformed;
    private final FeatureConsumers consumers;

    public KafkaTelemetryConsumer(AutoProvisioning provisioning, KafkaClientSettings kafka, ProvisioningConfig config,
                                  RegistrationMetrics registrations, FeatureConsumers consumers) {
        this.provisioning = provisioning;
        this.kafka = kafka;
        this.config = config;
        this.registrations = registrations;
        this.consumers = consumers;
        this.malformed = new MalformedRecords(LOG, "telemetry", registrations.malformed("telemetry",
                "Telemetry records skipped because they do not follow the schema"));
    }

    void start(@Observes StartupEvent event) {
        FeatureConsumer consumer = new FeatureConsumer(LOG, NAME, config,
                "auto-provisioning is disabled (thingbus.provisioning.enabled=false)");
        consumers.start(consumer, Topics.TELEMETRY,
                kafka.consumer("device-service-provisioning", config.groupId(), config.autoOffsetReset()),
                this::handle);
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        registrations.count(provisioning.provision(malformed.readAll(records, KafkaTelemetryConsumer::seenDevice)));
    }

    private static Optional<AutoProvisioning.SeenDevice> seenDevice(ConsumerRecord<byte[], byte[]> record) {
        TelemetryRecord telemetry = TelemetryRecord.fromHeaders(KafkaHeaders.toContract(record.headers()),
                record.value());
        return Optional.of(new AutoProvisioning.SeenDevice(telemetry.key(), telemetry.tokenHash()));
    }
}
