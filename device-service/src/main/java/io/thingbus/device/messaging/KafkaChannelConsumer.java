package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.contracts.Topics;
import io.thingbus.device.config.ChannelConfig;
import io.thingbus.device.domain.ChannelChange;
import io.thingbus.device.domain.DeviceChannels;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    /** The consumer thread's name, and how health checks and logs call it. */
    static final String NAME = "channels-consumer";

    private static final Logger LOG = Logger.getLogger(KafkaChannelConsumer.class);

    private final DeviceChannels channels;
    private final KafkaClientSettings kafka;
    private final ChannelConfig config;
    private final MalformedRecords malformed;
    private final Counter movedToDefault;
    private final FeatureConsumers consumers;

    public KafkaChannelConsumer(DeviceChannels channels, KafkaClientSettings kafka, ChannelConfig config,
                                RegistrationMetrics metrics, FeatureConsumers consumers) {
        this.channels = channels;
        this.kafka = kafka;
        this.config = config;
        this.consumers = consumers;
        this.malformed = new MalformedRecords(LOG, "channel", metrics.malformed("channels",
                "Channel records skipped because they do not follow the schema"));
        this.movedToDefault = metrics.counter("channel.fallbacks",
                "Devices sent back to their default channel because the channel they chose was deleted");
    }

    void start(@Observes StartupEvent event) {
        FeatureConsumer consumer = new FeatureConsumer(LOG, NAME, config,
                "channels are disabled (thingbus.channels.enabled=false): devices can only use their default "
                + "channels");
        consumers.start(consumer, Topics.CHANNELS,
                kafka.consumer("device-service-channels", config.groupId(), config.autoOffsetReset()),
                this::handle);
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        DeviceChannels.Outcome outcome = channels.apply(malformed.readAll(records, KafkaChannelConsumer::change));
        movedToDefault.increment(outcome.movedToDefault());
        if (outcome.movedToDefault() > 0) {
            LOG.infof("%d devices went back to their default channel because their channel was deleted",
                    outcome.movedToDefault());
        }
    }

    private static Optional<ChannelChange> change(ConsumerRecord<byte[], byte[]> record) {
        Optional<ChannelChange> change =
                ChannelRecords.read(KafkaHeaders.type(record.headers()), record.key(), record.value());
        change.ifPresent(c -> KafkaHeaders.requireTenant(record.headers(), c.tenant()));
        return change;
    }
}
