package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.DeviceKey;
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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
    private final Counter malformed;
    private final Counter registered;
    private final Counter unknownTenant;
    private volatile boolean running;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public KafkaTelemetryConsumer(AutoProvisioning provisioning, KafkaClientSettings kafka, ProvisioningConfig config,
                                  MeterRegistry meters) {
        this.provisioning = provisioning;
        this.kafka = kafka;
        this.config = config;
        this.malformed = Counter.builder("thingbus.device.telemetry.malformed")
                .description("Telemetry records skipped because they do not follow the schema").register(meters);
        this.registered = Counter.builder("thingbus.device.provisioned")
                .description("Devices registered automatically from their telemetry").register(meters);
        this.unknownTenant = Counter.builder("thingbus.device.provisioning.unknown.tenant")
                .description("Devices not provisioned because their tenant is not a registered user")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("auto-provisioning is disabled (thingbus.provisioning.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "telemetry-consumer");
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(10_000);
        }
    }

    /** Whether the consumer is disabled or its thread is running (readiness). */
    public boolean healthy() {
        return !config.enabled() || (thread != null && thread.isAlive());
    }

    private void run() {
        try (Consumer<byte[], byte[]> kafkaConsumer = new KafkaConsumer<>(kafka.consumer(
                "device-service-provisioning", config.groupId(), config.autoOffsetReset()))) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(List.of(Topics.TELEMETRY));
            while (running) {
                pollSafely(kafkaConsumer);
            }
        } catch (WakeupException e) {
            LOG.debug("telemetry consumer stopped");
        } catch (RuntimeException e) {
            LOG.error("telemetry consumer failed; auto-provisioning stopped", e);
        } finally {
            consumer = null;
        }
    }

    private void pollSafely(Consumer<byte[], byte[]> kafkaConsumer) {
        try {
            pollOnce(kafkaConsumer);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "reading telemetry failed, retrying in %s", config.retryBackoff());
            backOff();
        }
    }

    private void pollOnce(Consumer<byte[], byte[]> kafkaConsumer) {
        ConsumerRecords<byte[], byte[]> records = kafkaConsumer.poll(config.pollTimeout());
        if (records.isEmpty()) {
            return;
        }
        try {
            AutoProvisioning.Outcome outcome = provisioning.provision(devicesIn(records));
            registered.increment(outcome.registered());
            unknownTenant.increment(outcome.unknownTenant());
            kafkaConsumer.commitSync();
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf("could not register the devices of %d telemetry records, retrying in %s: %s",
                    records.count(), config.retryBackoff(), e.getMessage());
            rewind(kafkaConsumer, records);
            backOff();
        }
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

    private static void rewind(Consumer<byte[], byte[]> kafkaConsumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (kafkaConsumer.assignment().contains(partition)) {
                kafkaConsumer.seek(partition, records.records(partition).get(0).offset());
            }
        }
    }

    private void backOff() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
