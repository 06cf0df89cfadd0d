package io.thingbus.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.device.domain.OutboxMessage;
import io.thingbus.device.domain.OutboxMessages;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Migration V6: claims stored before the device-claims topic existed (a {@code claimed_away} row and nothing in the
 * outbox) are announced on {@code thingbus.device-claims.v1} exactly as a claim made now would be.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ClaimBackfillIT {

    private static final String BACKFILL = "db/migration/V6__announce_earlier_claims.sql";

    @Inject
    DataSource dataSource;

    @Test
    void backfillIsPartOfTheMigrationsFlywayApplied() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement applied = connection.prepareStatement(
                     "SELECT success FROM flyway_schema_history WHERE version = '6'");
             ResultSet rows = applied.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean("success")).isTrue();
        }
    }

    @Test
    void claimStoredBeforeTheClaimsTopic_isAnnouncedAsTheCodeWouldAnnounceIt() throws Exception {
        TenantId former = tenant("Uformer");
        TenantId claimer = tenant("Uclaimer");
        DeviceKey device = DeviceKey.of(former, DeviceId.of("Kitchen \"A\" \\ Küche"));
        Instant claimedAt = Instant.parse("2026-11-21T10:15:30.120Z");
        insertClaimedAwayTheOldWay(device, claimer, claimedAt);

        runBackfill();

        OutboxMessage expected = OutboxMessages.deviceClaimedAway(device, claimer, claimedAt);
        try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            ConsumerRecord<String, byte[]> record = claims.awaitRecords(device.asString(), 1).get(0);
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected.value(), StandardCharsets.UTF_8));
            assertThat(DeviceClaimRecord.CODEC.decode(record.value()))
                    .isEqualTo(new DeviceClaimRecord(former, device.device(), claimer, claimedAt));
            assertHeadersOf(record, expected);
        }
    }

    @Test
    void claimAtAWholeSecond_isAnnouncedWithTheInstantAsJavaWritesIt() throws Exception {
        TenantId former = tenant("Uformer");
        TenantId claimer = tenant("Uclaimer");
        DeviceKey device = DeviceKey.of(former, DeviceId.of("whole-second"));
        Instant claimedAt = Instant.parse("2026-11-21T10:15:30Z");
        insertClaimedAwayTheOldWay(device, claimer, claimedAt);

        runBackfill();

        OutboxMessage expected = OutboxMessages.deviceClaimedAway(device, claimer, claimedAt);
        try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            ConsumerRecord<String, byte[]> record = claims.awaitRecords(device.asString(), 1).get(0);
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected.value(), StandardCharsets.UTF_8));
            assertThat(TopicReader.header(record, RecordHeaders.CE_TIME)).isEqualTo("2026-11-21T10:15:30Z");
        }
    }

    private static void assertHeadersOf(ConsumerRecord<String, byte[]> record, OutboxMessage expected) {
        assertThat(TopicReader.header(record, RecordHeaders.CE_TYPE)).isEqualTo(DeviceClaimRecord.TYPE);
        assertThat(TopicReader.header(record, RecordHeaders.CE_TIME)).isEqualTo("2026-11-21T10:15:30.120Z");
        assertThat(TopicReader.header(record, RecordHeaders.CE_SUBJECT)).isEqualTo(expected.device().orElseThrow());
        assertThat(TopicReader.header(record, RecordHeaders.TENANT)).isEqualTo(expected.tenant().value());
        assertThat(TopicReader.header(record, RecordHeaders.DEVICE)).isEqualTo(expected.device().orElseThrow());
        assertThat(TopicReader.header(record, RecordHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(UUID.fromString(TopicReader.header(record, RecordHeaders.CE_ID))).isNotNull();
    }

    /** As device-service wrote claims before the device-claims topic existed: the row, nothing in the outbox. */
    private void insertClaimedAwayTheOldWay(DeviceKey formerDevice, TenantId claimer, Instant claimedAt)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO claimed_away (user_id, device_id, claimed_by, claimed_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, formerDevice.tenant().value());
            insert.setString(2, formerDevice.device().value());
            insert.setString(3, claimer.value());
            insert.setObject(4, OffsetDateTime.ofInstant(claimedAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Runs the migration's SQL again, as Flyway ran it on a database that already had claims. */
    private void runBackfill() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(backfillSql());
        }
    }

    private static String backfillSql() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BACKFILL)) {
            assertThat(in).as(BACKFILL).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static TenantId tenant(String prefix) {
        return TenantId.of(prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36));
    }
}
