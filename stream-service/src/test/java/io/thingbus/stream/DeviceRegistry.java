package io.thingbus.stream;

import static org.awaitility.Awaitility.await;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The device registry as device-service announces it: {@link DeviceRecord}s and tombstones on the compacted devices
 * topic of the real Kafka broker. Waits, where a test needs it, until stream-service has applied a record (its
 * {@code devices} table shows it): the devices and telemetry topics are consumed independently.
 */
final class DeviceRegistry implements AutoCloseable {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new ByteArraySerializer());
    private final DataSource dataSource;

    DeviceRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers the device with its default channel and waits until the service knows it. */
    void register(TenantId tenant, DeviceId device) {
        assign(tenant, device, ChannelId.defaultFor(tenant, device));
    }

    /** Announces that the registry names {@code channel} for the device, and waits until the service applied it. */
    void assign(TenantId tenant, DeviceId device, ChannelId channel) {
        DeviceRecord record = new DeviceRecord(tenant, device, device.value(), channel, "api", CREATED, Instant.now());
        send(record.key(), DeviceRecord.CODEC.encode(record));
        awaitChannel(tenant, device, Optional.of(channel));
    }

    /** Announces that the device was deleted (a tombstone), and waits until the service applied it. */
    void delete(TenantId tenant, DeviceId device) {
        send(DeviceKey.of(tenant, device), null);
        awaitChannel(tenant, device, Optional.empty());
    }

    /** Sends a record that breaks the contract: any value under the device's key; does not wait. */
    void sendBroken(TenantId tenant, DeviceId device, byte[] value) {
        send(DeviceKey.of(tenant, device), value);
    }

    @Override
    public void close() {
        producer.close();
    }

    private void send(DeviceKey key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEVICES, key.asString(), value);
        header(record, RecordHeaders.CE_SPECVERSION, RecordHeaders.CLOUDEVENTS_VERSION);
        header(record, RecordHeaders.CE_ID, UUID.randomUUID().toString());
        header(record, RecordHeaders.CE_TYPE, DeviceRecord.TYPE);
        header(record, RecordHeaders.CE_SOURCE, "//thingbus/device-service");
        header(record, RecordHeaders.CE_TIME, Instant.now().toString());
        header(record, RecordHeaders.TENANT, key.tenant().value());
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send a device record", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void awaitChannel(TenantId tenant, DeviceId device, Optional<ChannelId> channel) {
        await().atMost(StreamApi.PATIENCE).until(() -> channelOf(tenant, device).equals(channel));
    }

    private Optional<ChannelId> channelOf(TenantId tenant, DeviceId device) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT channel_id FROM devices WHERE tenant = ? AND device_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, device.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ChannelId.of(row.getString(1))) : Optional.empty();
            }
        }
    }
}
