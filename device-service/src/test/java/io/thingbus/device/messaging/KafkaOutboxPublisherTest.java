package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceCredentialRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Device;
import io.thingbus.device.domain.DeviceName;
import io.thingbus.device.domain.DeviceToken;
import io.thingbus.device.domain.OutboxMessage;
import io.thingbus.device.domain.OutboxMessages;
import io.thingbus.device.domain.Provisioning;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaOutboxPublisherTest {

    private static final TenantId TENANT = TenantId.of("Uabcde12345");
    private static final DeviceToken TOKEN = DeviceToken.of("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    @Test
    void credentialRecord_carriesCloudEventsHeadersAndTheTenant() {
        OutboxMessage message = OutboxMessages.deviceTokenIssued(TENANT, TOKEN, NOW);

        ProducerRecord<String, byte[]> record = KafkaOutboxPublisher.toRecord(message);

        assertThat(headers(record)).containsExactly(
                Map.entry(RecordHeaders.CE_SPECVERSION, "1.0"),
                Map.entry(RecordHeaders.CE_ID, message.id().toString()),
                Map.entry(RecordHeaders.CE_TYPE, DeviceCredentialRecord.TYPE),
                Map.entry(RecordHeaders.CE_SOURCE, "//thingbus/device-service"),
                Map.entry(RecordHeaders.CE_TIME, "2026-11-21T10:15:30.123Z"),
                Map.entry(RecordHeaders.CONTENT_TYPE, "application/json"),
                Map.entry(RecordHeaders.TENANT, "Uabcde12345"));
        assertThat(record.key()).isEqualTo(TOKEN.hash().value());
        assertThat(record.value()).isEqualTo(message.value());
    }

    @Test
    void deviceTombstone_namesTheDeviceAndHasNoContentType() {
        DeviceKey key = DeviceKey.of(TENANT, DeviceId.of("dev-1"));

        ProducerRecord<String, byte[]> record = KafkaOutboxPublisher.toRecord(OutboxMessages.deviceDeleted(key, NOW));

        assertThat(record.value()).isNull();
        assertThat(headers(record))
                .containsEntry(RecordHeaders.CE_TYPE, DeviceRecord.TYPE)
                .containsEntry(RecordHeaders.CE_SUBJECT, "dev-1")
                .containsEntry(RecordHeaders.DEVICE, "dev-1")
                .doesNotContainKey(RecordHeaders.CONTENT_TYPE);
    }

    @Test
    void publish_reportsOnlyTheRecordsBeforeTheFirstUnacknowledgedOne() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized void flush() {
                completeNext();
                errorNext(new TimeoutException("broker unreachable"));
                while (completeNext()) {
                    // the records after the failed one did reach Kafka
                }
            }
        };
        List<OutboxMessage> messages = List.of(device("d1"), device("d2"), device("d3"));

        int published = new KafkaOutboxPublisher(producer).publish(messages);

        assertThat(published).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
    }

    @Test
    void publish_whenAllAreAcknowledged_reportsThemAll() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());

        int published = new KafkaOutboxPublisher(producer).publish(List.of(device("d1"), device("d2")));

        assertThat(published).isEqualTo(2);
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsExactly("Uabcde12345/d1", "Uabcde12345/d2");
    }

    private static OutboxMessage device(String id) {
        DeviceKey key = DeviceKey.of(TENANT, DeviceId.of(id));
        return OutboxMessages.deviceChanged(Device.registered(key, DeviceName.of(id), Optional.of(TOKEN),
                Provisioning.API, NOW));
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
