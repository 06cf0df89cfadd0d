package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.stream.persistence.ChannelAnnouncements;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every channel change appears on the channels topic, read with a real Kafka consumer. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ChannelRecordsIT extends TelemetryProducerFixture {

    private static final ChannelId KITCHEN = ChannelId.of("kitchen");

    private static ChannelRecords records;

    @Inject
    DataSource dataSource;

    @Inject
    ChannelAnnouncements announcements;

    @BeforeAll
    static void open() {
        records = new ChannelRecords();
    }

    @AfterAll
    static void close() {
        records.close();
    }

    @Test
    void createUpdateAndDelete_arePublishedInOrder_endingWithATombstone() {
        Telemetry device = new Telemetry();
        try (DeviceRegistry registry = new DeviceRegistry(dataSource)) {
            registry.register(device.tenant, device.device);
        }

        as(device.tenant).contentType("application/json").header("X-TAGNAME", "oven")
                .body("{\"device_id\":\"" + device.device + "\",\"name\":\"Kitchen\"}")
                .post("/channel/{channel_id}", KITCHEN.value()).then().statusCode(201);
        as(device.tenant).contentType("application/json").body("{\"name\":\"Küche\"}")
                .put("/channel/{channel_id}", KITCHEN.value()).then().statusCode(200);
        as(device.tenant).delete("/channel/{channel_id}", KITCHEN.value()).then().statusCode(204);

        List<ChannelRecords.Read> published = records.await(device.tenant, KITCHEN, r -> r.size() >= 3);

        assertThat(published).hasSize(3);
        ChannelRecord created = published.get(0).value();
        assertThat(created.tenant()).isEqualTo(device.tenant);
        assertThat(created.deviceId()).isEqualTo(device.device);
        assertThat(created.name()).isEqualTo("Kitchen");
        assertThat(created.tags()).containsExactly("oven");
        assertThat(published.get(1).value().name()).isEqualTo("Küche");
        assertThat(published.get(1).value().updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(published.get(1).value().createdAt()).isEqualTo(created.createdAt());
        assertThat(published.get(2).isTombstone()).isTrue();
        assertThat(published.get(0).headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", ChannelRecord.TYPE)
                .containsEntry("ce_source", "//thingbus/stream-service")
                .containsEntry("tb_tenant", device.tenant.value())
                .containsKeys("ce_id", "ce_time");
        assertThat(published.get(2).headers()).containsEntry("ce_type", ChannelRecord.TYPE)
                .containsEntry("tb_tenant", device.tenant.value());
        assertThat(published.stream().map(r -> r.headers().get("ce_id")).distinct()).hasSize(3);
    }

    @Test
    void firstTelemetryOfADevice_publishesItsDefaultChannel_andANewTagPublishesItAgain() {
        Telemetry device = new Telemetry();

        telemetry.send(device.json(Instant.parse("2026-11-21T10:00:00Z"), "{\"n\":1}"));
        ChannelRecord first = records.await(device.tenant, device.channel(), r -> !r.isEmpty()).get(0).value();
        telemetry.send(device.json(Instant.parse("2026-11-21T10:01:00Z"), "{\"n\":2}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T10:02:00Z"), "garage", "{\"n\":3}"));
        List<ChannelRecords.Read> published = records.await(device.tenant, device.channel(), r -> r.size() >= 2);

        assertThat(first.deviceId()).isEqualTo(device.device);
        assertThat(first.name()).isEqualTo(device.channel().value());
        assertThat(first.tags()).isEmpty();
        assertThat(published).hasSize(2);
        assertThat(published.get(1).value().tags()).containsExactly("garage");
    }

    @Test
    void deletingATag_publishesTheChannelWithoutIt() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(Instant.parse("2026-11-21T10:00:00Z"), "oven", "{\"n\":1}"));
        records.await(device.tenant, device.channel(), r -> !r.isEmpty() && r.get(r.size() - 1).value().tags()
                .contains("oven"));

        as(device.tenant).header("X-TAGNAME", "oven").delete("/channel/{channel_id}", device.channel().value())
                .then().statusCode(204);

        List<ChannelRecords.Read> published = records.await(device.tenant, device.channel(),
                r -> !r.isEmpty() && !r.get(r.size() - 1).isTombstone()
                        && r.get(r.size() - 1).value().tags().isEmpty());
        assertThat(published.get(published.size() - 1).value().deviceId()).isEqualTo(device.device);
    }

    @Test
    void channelsThatExistedBeforeChannelRecords_areAnnouncedOnce() throws SQLException {
        Telemetry device = new Telemetry();
        ChannelId legacy = ChannelId.of("legacy");
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "INSERT INTO channels (tenant, channel_id, device_id, name, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, '2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z')",
                    device.tenant.value(), legacy.value(), device.device.value(), legacy.value());
            execute(connection, "INSERT INTO channel_tags (tenant, channel_id, tag) VALUES (?, ?, 'oven')",
                    device.tenant.value(), legacy.value());
            execute(connection, "INSERT INTO channel_announcements (tenant, channel_id) VALUES (?, ?)",
                    device.tenant.value(), legacy.value());
        }

        assertThat(announcements.announcePending()).isPositive();

        ChannelRecord announced = records.await(device.tenant, legacy, r -> !r.isEmpty()).get(0).value();
        assertThat(announced.deviceId()).isEqualTo(device.device);
        assertThat(announced.tags()).containsExactly("oven");
        assertThat(announced.createdAt()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(announcements.announcePending()).isZero();
    }

    private static void execute(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
