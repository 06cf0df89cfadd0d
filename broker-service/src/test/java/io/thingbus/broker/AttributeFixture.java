package io.thingbus.broker;

import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What device-service does for the edge: writes attribute updates (shared ones set by users) to the attributes topic. */
public final class AttributeFixture implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public AttributeFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(AttributeUpdateRecord update) {
        List<Header> headers = List.of(
                header(RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION),
                header(RecordHeaders.CE_ID, UUID.randomUUID().toString()),
                header(RecordHeaders.CE_TYPE, AttributeUpdateRecord.TYPE),
                header(RecordHeaders.CE_SOURCE, "//thingbus/device-service"),
                header(RecordHeaders.CE_TIME, update.at().toString()),
                header(RecordHeaders.CONTENT_TYPE, "application/json"),
                header(RecordHeaders.TENANT, update.tenant().value()));
        sendRaw(update.key().asString(), AttributeUpdateRecord.CODEC.encode(update), headers);
    }

    /** Writes anything to the attributes topic (for malformed-record tests). */
    public void sendRaw(String key, byte[] value, List<Header> headers) {
        try {
            producer.send(new ProducerRecord<>(Topics.ATTRIBUTES, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to " + Topics.ATTRIBUTES, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
