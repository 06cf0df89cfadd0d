package io.thingbus.session;

import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes session and sub-device events to the real lifecycle topic as broker-service does: key
 * {@code <tenant>/<client id>}, the record as JSON, CloudEvents headers. Sends synchronously, so a returned record is
 * in the log.
 */
final class LifecycleProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"),
            new ByteArraySerializer(), new ByteArraySerializer());

    void send(SessionEventRecord... records) {
        send(List.of(records));
    }

    void send(List<SessionEventRecord> records) {
        for (SessionEventRecord record : records) {
            ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(Topics.LIFECYCLE,
                    record.key().getBytes(StandardCharsets.UTF_8), SessionEventRecord.CODEC.encode(record));
            header(kafkaRecord, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
            header(kafkaRecord, RecordHeaders.CE_ID, UUID.randomUUID().toString());
            header(kafkaRecord, RecordHeaders.CE_TYPE, SessionEventRecord.TYPE);
            header(kafkaRecord, RecordHeaders.CE_SOURCE, "//thingbus/broker-service/" + record.broker());
            header(kafkaRecord, RecordHeaders.CE_TIME, record.at().toString());
            header(kafkaRecord, RecordHeaders.CONTENT_TYPE, "application/json");
            header(kafkaRecord, RecordHeaders.TENANT, record.tenant().value());
            sendRaw(kafkaRecord);
        }
    }

    /** Sends a gateway's sub-device events under the gateway's key, type {@value SubdeviceEventRecord#TYPE}. */
    void announce(SubdeviceEventRecord... records) {
        for (SubdeviceEventRecord record : records) {
            ProducerRecord<byte[], byte[]> kafkaRecord = new ProducerRecord<>(Topics.LIFECYCLE,
                    record.key().getBytes(StandardCharsets.UTF_8), SubdeviceEventRecord.CODEC.encode(record));
            header(kafkaRecord, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
            header(kafkaRecord, RecordHeaders.CE_ID, UUID.randomUUID().toString());
            header(kafkaRecord, RecordHeaders.CE_TYPE, SubdeviceEventRecord.TYPE);
            header(kafkaRecord, RecordHeaders.CE_SOURCE, "//thingbus/broker-service/" + record.broker());
            header(kafkaRecord, RecordHeaders.CE_TIME, record.at().toString());
            header(kafkaRecord, RecordHeaders.CE_SUBJECT, record.deviceId().value());
            header(kafkaRecord, RecordHeaders.CONTENT_TYPE, "application/json");
            header(kafkaRecord, RecordHeaders.TENANT, record.tenant().value());
            header(kafkaRecord, RecordHeaders.DEVICE, record.deviceId().value());
            sendRaw(kafkaRecord);
        }
    }

    /** Sends any bytes under a client's key, e.g. a record that is not a session event. */
    void sendRaw(String key, byte[] value) {
        sendRaw(new ProducerRecord<>(Topics.LIFECYCLE, key.getBytes(StandardCharsets.UTF_8), value));
    }

    private void sendRaw(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send a lifecycle record", e.getCause());
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
