package io.thingbus.stream.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.ChannelNotFoundException;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.Point;
import io.thingbus.stream.domain.PointContent;
import io.thingbus.stream.domain.PointValues;
import io.thingbus.stream.domain.RangeStart;
import io.thingbus.stream.domain.RefusedPoint;
import io.thingbus.stream.domain.StoredPoint;
import io.thingbus.testing.InfrastructureResource;
import io.thingbus.testing.SharedInfrastructure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The store's handling of rows PostgreSQL refuses for their data. Domain validation keeps such values out in
 * practice, so this test makes PostgreSQL refuse on purpose: a copy of the stream tables in a schema of its own with a
 * CHECK constraint that refuses {@code "n" >= 1000}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class JdbcPointStoreIT {

    private static final String SCHEMA = "stream_refusal_test";
    private static final Instant T0 = Instant.parse("2026-11-21T22:01:02.123Z");

    private static PGSimpleDataSource dataSource;

    private final TenantId tenant = TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    private final DeviceId device = DeviceId.of("dev-1");
    private final ChannelId channel = ChannelId.defaultFor(tenant, device);

    @BeforeAll
    static void createRefusingCopyOfTheTables() throws SQLException {
        SharedInfrastructure infra = SharedInfrastructure.get();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(infra.jdbcUrl());
        dataSource.setUser(infra.dbUsername());
        dataSource.setPassword(infra.dbPassword());
        dataSource.setCurrentSchema(SCHEMA);
        dataSource.setReWriteBatchedInserts(true);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
            sql.execute("CREATE TABLE " + SCHEMA + ".channels (LIKE stream.channels INCLUDING ALL)");
            sql.execute("CREATE TABLE " + SCHEMA + ".points (LIKE stream.points INCLUDING ALL)");
            sql.execute("CREATE TABLE " + SCHEMA + ".channel_tags (LIKE stream.channel_tags INCLUDING ALL)");
            sql.execute("CREATE TABLE " + SCHEMA + ".devices (LIKE stream.devices INCLUDING ALL)");
            sql.execute("CREATE TABLE " + SCHEMA + ".outbox (LIKE stream.outbox INCLUDING ALL)");
            sql.execute("ALTER TABLE " + SCHEMA + ".points ADD CONSTRAINT small_n "
                    + "CHECK (NOT (\"values\" ? 'n') OR (\"values\"->>'n')::numeric < 1000)");
        }
    }

    @Test
    void append_leavesOutOnlyTheRefusedPoint_andStoresTheRestOfTheBatch() {
        JdbcPointStore store = new JdbcPointStore(dataSource, new OutboxSignal(), Clock.systemUTC());

        List<RefusedPoint> refused = store.append(List.of(point(0, 1), point(1, 5000), point(2, 3)));

        assertThat(refused).singleElement().satisfies(r -> {
            assertThat(r.point().recordId()).isEqualTo("r1");
            assertThat(r.reason()).contains("small_n");
        });
        assertThat(values(store)).containsExactly("{\"n\":1}", "{\"n\":3}");
    }

    @Test
    void appendAll_storesNothing_whenOnePointIsRefused() {
        JdbcPointStore store = new JdbcPointStore(dataSource, new OutboxSignal(), Clock.systemUTC());
        catalog().create(Channel.create(tenant, channel, device, Optional.empty(), Optional.empty(), T0));

        assertThatThrownBy(() -> store.appendAll(List.of(point(0, 1), point(1, 5000))))
                .isInstanceOf(InvalidPointException.class);

        assertThat(values(store)).isEmpty();
    }

    @Test
    void appendAll_toAChannelThatDoesNotExist_isRefused_andCreatesNothing() {
        JdbcPointStore store = new JdbcPointStore(dataSource, new OutboxSignal(), Clock.systemUTC());

        assertThatThrownBy(() -> store.appendAll(List.of(point(0, 1))))
                .isInstanceOf(ChannelNotFoundException.class);

        assertThat(values(store)).isEmpty();
        assertThat(catalog().find(tenant, channel)).isEmpty();
    }

    @Test
    void append_ofTheSameBatchTwice_storesEachPointOnce() {
        JdbcPointStore store = new JdbcPointStore(dataSource, new OutboxSignal(), Clock.systemUTC());
        List<Point> batch = List.of(point(0, 1), point(1, 2), point(1, 2));

        store.append(batch);
        store.append(batch);

        assertThat(values(store)).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(catalog().list(tenant)).singleElement()
                .satisfies(c -> assertThat(c.device()).isEqualTo(device));
    }

    private static JdbcChannelCatalog catalog() {
        return new JdbcChannelCatalog(dataSource, new OutboxSignal(), Clock.systemUTC());
    }

    private List<String> values(JdbcPointStore store) {
        return store.range(tenant, channel, Optional.empty(), new RangeStart.At(Instant.EPOCH), Point.LATEST, 100)
                .stream().map(StoredPoint::values).map(PointValues::toJson).toList();
    }

    private Point point(int second, int n) {
        PointValues values = PointValues.of(JsonNodeFactory.instance.objectNode().put("n", n));
        return new Point(tenant, channel, device, T0.plusSeconds(second), "r" + second, Optional.empty(),
                PointContent.of(values));
    }
}
