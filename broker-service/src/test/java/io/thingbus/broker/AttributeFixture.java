package io.thingbus.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** What device-service does for the edge: writes attribute updates (shared ones set by users) to the attributes topic. */
public final class AttributeFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestProducer producer;

    public AttributeFixture(String bootstrapServers) {
        producer = new TestProducer(bootstrapServers);
    }

    /** A shared attribute update a user of {@code owner}'s tenant set for {@code device}: {@code values} is JSON. */
    public static AttributeUpdateRecord shared(TestDevice owner, String device, String values) {
        return update(owner, device, "shared", values);
    }

    /** An attribute update of {@code scope} for {@code device}, not from a gateway: {@code values} is JSON. */
    public static AttributeUpdateRecord update(TestDevice owner, String device, String scope, String values) {
        return new AttributeUpdateRecord(owner.tenant(), DeviceId.of(device), scope, json(values), null,
                Instant.now());
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
        producer.send(new ProducerRecord<>(Topics.ATTRIBUTES, null, key, value, headers));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
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
