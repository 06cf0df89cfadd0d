package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.thingbus.contracts.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class MalformedRecordsTest {

    private static final TopicPartition PARTITION = new TopicPartition("thingbus.test.v1", 0);

    private final Counter counter = new SimpleMeterRegistry().counter("thingbus.device.test.malformed");
    private final MalformedRecords malformed =
            new MalformedRecords(Logger.getLogger(MalformedRecordsTest.class), "test", counter);

    @Test
    void readAll_skipsAndCountsMalformedRecords_andKeepsTheOthersInOrder() {
        List<String> read = malformed.readAll(batch("a", "bad", "b", "bad", "c"), MalformedRecordsTest::read);

        assertThat(read).containsExactly("a", "b", "c");
        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void readAll_leavesOutRecordsReadAsEmpty_withoutCountingThem() {
        List<String> read = malformed.readAll(batch("a", "ignored", "b"), MalformedRecordsTest::read);

        assertThat(read).containsExactly("a", "b");
        assertThat(counter.count()).isZero();
    }

    @Test
    void forEach_letsOtherFailuresThrough_soTheBatchIsReadAgain() {
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> malformed.forEach(batch("a", "database down", "b"), record -> {
            String value = value(record);
            if (value.equals("database down")) {
                throw new IllegalStateException(value);
            }
            handled.add(value);
        })).isInstanceOf(IllegalStateException.class);
        assertThat(handled).containsExactly("a");
        assertThat(counter.count()).isZero();
    }

    private static Optional<String> read(ConsumerRecord<byte[], byte[]> record) {
        String value = value(record);
        if (value.equals("bad")) {
            throw new MalformedRecordException("not a test record");
        }
        return value.equals("ignored") ? Optional.empty() : Optional.of(value);
    }

    private static String value(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecords<byte[], byte[]> batch(String... values) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, null,
                    values[offset].getBytes(StandardCharsets.UTF_8)));
        }
        return new ConsumerRecords<>(Map.of(PARTITION, records), Map.of());
    }
}
