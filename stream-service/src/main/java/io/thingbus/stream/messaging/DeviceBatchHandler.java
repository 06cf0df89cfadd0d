package io.thingbus.stream.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaConsumerLoop;
import io.thingbus.stream.domain.DeviceChange;
import io.thingbus.stream.domain.DeviceDirectory;
import io.thingbus.stream.domain.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Materialises the compacted {@link Topics#DEVICES} topic into the {@link DeviceDirectory}: each polled batch is
 * applied in one transaction, and the {@link KafkaConsumerLoop} commits its offsets only after that (only after the
 * changes are durable). Malformed records are logged, counted ({@code thingbus_stream_device_records_malformed_total})
 * and skipped. When the store is down it throws {@link BatchNotStored}: nothing is committed or skipped, and the loop
 * reads the same records again after a growing pause. Applying a change twice leaves the same state, so replays are
 * harmless.
 *
 * <p>Runs on the consumer loop's thread.
 */
final class DeviceBatchHandler implements KafkaConsumerLoop.BatchHandler {

    private static final Logger LOG = Logger.getLogger(DeviceBatchHandler.class);

    private final DeviceDirectory directory;
    private final Counter applied;
    private final Counter malformed;
    private final Counter storeFailures;

    DeviceBatchHandler(DeviceDirectory directory, MeterRegistry meters) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.applied = Counter.builder("thingbus.stream.device.records")
                .description("Device registry records applied and committed").register(meters);
        this.malformed = Counter.builder("thingbus.stream.device.records.malformed")
                .description("Device registry records skipped because they do not follow the contract")
                .register(meters);
        this.storeFailures = Counter.builder("thingbus.stream.device.store.failures")
                .description("Batches of device records the store failed; each is retried").register(meters);
    }

    @Override
    public void handle(ConsumerRecords<byte[], byte[]> records) {
        List<DeviceChange> changes = decode(records);
        try {
            directory.apply(changes);
        } catch (StoreUnavailableException e) {
            storeFailures.increment();
            throw new BatchNotStored("store unavailable: " + e.getMessage());
        }
        applied.increment(changes.size());
    }

    private List<DeviceChange> decode(ConsumerRecords<byte[], byte[]> records) {
        List<DeviceChange> changes = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                changes.add(DeviceRecords.decode(record.key(), record.value()));
            } catch (MalformedRecordException e) {
                malformed.increment();
                LOG.warnf("skipped malformed device record at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        return changes;
    }
}
