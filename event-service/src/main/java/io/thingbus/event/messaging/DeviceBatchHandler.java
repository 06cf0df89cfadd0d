package io.thingbus.event.messaging;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.event.domain.ChannelChange;
import io.thingbus.event.domain.ChannelDirectory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted {@link Topics#DEVICES} topic into the channel directory: a device record registers its
 * default channel for its tenant, a tombstone removes the device's channel. Records that break the contract are
 * logged, counted and skipped. Runs on the device consumer's thread.
 */
final class DeviceBatchHandler implements DurableConsumer.BatchHandler {

    private static final Logger LOG = Logger.getLogger(DeviceBatchHandler.class);

    private final ChannelDirectory directory;
    private final EventMetrics metrics;

    DeviceBatchHandler(ChannelDirectory directory, EventMetrics metrics) {
        this.directory = directory;
        this.metrics = metrics;
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        List<ChannelChange> changes = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                changes.add(change(record));
            } catch (MalformedRecordException e) {
                metrics.malformed(Topics.DEVICES);
                LOG.warnf("skipped malformed device record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        directory.apply(changes);
        metrics.deviceRecords(changes.size());
    }

    static ChannelChange change(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            DeviceKey key = key(record);
            return new ChannelChange.Removed(key.tenant(), key.device());
        }
        DeviceRecord device = DeviceRecord.CODEC.decode(record.value());
        return new ChannelChange.Registered(device.tenant(), device.deviceId(), device.channelId());
    }

    private static DeviceKey key(ConsumerRecord<byte[], byte[]> record) {
        try {
            return DeviceKey.parse(record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("a tombstone without a device key: " + e.getMessage(), e);
        }
    }
}
