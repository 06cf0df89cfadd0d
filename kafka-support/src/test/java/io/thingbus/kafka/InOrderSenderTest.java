package io.thingbus.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against Kafka's own in-memory producer, which lets each send succeed or fail. */
class InOrderSenderTest {

    private static final List<ProducerRecord<String, String>> RECORDS = List.of(
            new ProducerRecord<>("t", 0, "k", "a"), new ProducerRecord<>("t", 0, "k", "b"),
            new ProducerRecord<>("t", 0, "k", "c"));

    @Test
    void everyAcknowledgedRecord_isCounted_inOrder() {
        MockProducer<String, String> producer = autoCompleting();

        assertThat(new InOrderSender<>(producer, "test record").send(RECORDS)).isEqualTo(3);
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("a", "b", "c");
    }

    @Test
    void aRecordKafkaDidNotAcknowledge_endsTheCount_evenIfLaterOnesWereAcknowledged() {
        MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public synchronized void flush() {
                completeNext();
                errorNext(new TimeoutException("no acknowledgement in time"));
                completeNext();
            }
        };

        assertThat(new InOrderSender<>(producer, "test record").send(RECORDS)).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void aRecordTheProducerRefuses_isNotFollowedByTheOthers() {
        AtomicInteger sends = new AtomicInteger();
        MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
                new StringSerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record) {
                if (sends.incrementAndGet() == 2) {
                    throw new KafkaException("producer closed");
                }
                return super.send(record);
            }
        };

        assertThat(new InOrderSender<>(producer, "test record").send(RECORDS)).isEqualTo(1);
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("a");
    }

    @Test
    void nothingToSend_isNothingAcknowledged() {
        assertThat(new InOrderSender<>(autoCompleting(), "test record").send(List.of())).isZero();
    }

    private static MockProducer<String, String> autoCompleting() {
        return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    }
}
