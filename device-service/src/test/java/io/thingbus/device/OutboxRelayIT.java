package io.thingbus.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The relay's recovery path: a committed outbox row that nobody announced (as after a crash between commit and
 * publication, or a Kafka outage) is published by the schedule and then removed.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class OutboxRelayIT {

    @Inject
    DataSource dataSource;

    @Test
    void committedRowThatNobodyAnnounced_isPublishedByTheScheduleAndRemoved() throws SQLException {
        TenantId tenant = TenantId.of("Urelay" + Long.toString(System.nanoTime() % 1_000_000, 36));
        DeviceId device = DeviceId.of("left-behind");
        Instant now = Instant.parse("2026-11-21T10:15:30.123Z");
        DeviceRecord record = new DeviceRecord(tenant, device, "left-behind", ChannelId.defaultFor(tenant, device),
                "auto", now, now);
        UUID eventId = UUID.randomUUID();

        insertOutboxRow(eventId, tenant.value() + "/left-behind", DeviceRecord.CODEC.encode(record), tenant, now);

        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            ConsumerRecord<String, byte[]> published = devices.awaitRecords(tenant.value() + "/left-behind", 1).get(0);
            assertThat(DeviceRecord.CODEC.decode(published.value())).isEqualTo(record);
            assertThat(TopicReader.header(published, RecordHeaders.CE_ID)).isEqualTo(eventId.toString());
            assertThat(TopicReader.header(published, RecordHeaders.CE_TIME)).isEqualTo("2026-11-21T10:15:30.123Z");
        }
        await().atMost(TopicReader.TIMEOUT).until(() -> outboxRows(eventId) == 0);
    }

    private void insertOutboxRow(UUID eventId, String key, byte[] value, TenantId tenant, Instant time)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox (event_id, topic, "
                     + "record_key, record_value, record_type, tenant, device_id, created_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, eventId);
            insert.setString(2, Topics.DEVICES);
            insert.setString(3, key);
            insert.setBytes(4, value);
            insert.setString(5, DeviceRecord.TYPE);
            insert.setString(6, tenant.value());
            insert.setString(7, "left-behind");
            insert.setObject(8, OffsetDateTime.ofInstant(time, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private int outboxRows(UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox WHERE event_id = ?")) {
            count.setObject(1, eventId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
