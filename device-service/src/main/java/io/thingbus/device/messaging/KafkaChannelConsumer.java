package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.ChannelConfig;
import io.thingbus.device.domain.ChannelChange;
import io.thingbus.device.domain.DeviceChannels;
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
 * Reads {@code thingbus.channels.v1} (consumer group {@code thingbus.channels.group-id}) into the registry's copy of
 * the tenants' channels; a deleted channel sends the devices that chose it back to their default channels. A batch is
 * applied in one transaction, in record order, and its offsets committed after that; a record that does not follow
 * its schema is logged, counted and skipped. Runs on its own thread.
 */
@ApplicationScoped
public class KafkaChannelConsumer {

    private static final Logger LOG = Logger.getLogger(KafkaChannelConsumer.class);

    private final DeviceChannels channels;
    private final KafkaClientSettings kafka;
    private final ChannelConfig config;
    private final Counter malformed;
    private final Counter movedToDefault;
    private KafkaConsumerLoop loop;

    public KafkaChannelConsumer(DeviceChannels channels, KafkaClientSettings kafka, ChannelConfig config,
                                RegistrationMetrics metrics) {
        this.channels = channels;
        this.kafka = kafka;
        this.config = config;
        this.malformed = metrics.malformed("channels", "Channel records skipped because they do not follow the "
                + "schema");
        this.movedToDefault = metrics.counter("channel.fallbacks",
                "Devices sent back to their default channel because the channel they chose was deleted");
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("channels are disabled (thingbus.channels.enabled=false): devices can only use their default "
                    + "channels");
            return;
        }
        loop = new KafkaConsumerLoop("channels-consumer", Topics.CHANNELS,
                kafka.consumer("device-service-channels", config.groupId(), config.autoOffsetReset()),
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
        DeviceChannels.Outcome outcome = channels.apply(changesIn(records));
        movedToDefault.increment(outcome.movedToDefault());
        if (outcome.movedToDefault() > 0) {
            LOG.infof("%d devices went back to their default channel because their channel was deleted",
                    outcome.movedToDefault());
        }
    }

    private List<ChannelChange> changesIn(ConsumerRecords<byte[], byte[]> records) {
        List<ChannelChange> changes = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                Optional<ChannelChange> change =
                        ChannelRecords.read(KafkaHeaders.type(record.headers()), record.key(), record.value());
                change.ifPresent(c -> KafkaHeaders.requireTenant(record.headers(), c.tenant()));
                change.ifPresent(changes::add);
            } catch (MalformedRecordException e) {
                malformed.increment();
                LOG.warnf("skipping malformed channel record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return changes;
    }
}
