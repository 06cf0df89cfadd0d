package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.Point;
import io.thingbus.stream.domain.PointStore;
import io.thingbus.stream.domain.PointValues;
import io.thingbus.stream.domain.RangeStart;
import io.thingbus.stream.domain.RefusedPoint;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.StoredPoint;
import io.thingbus.stream.domain.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PointStore} on PostgreSQL (TimescaleDB when present) with plain JDBC. Writes are JDBC batches with
 * {@code ON CONFLICT DO NOTHING} (the driver rewrites them to multi-row inserts when {@code reWriteBatchedInserts} is
 * on), rows sorted by (channel, time, record id) so concurrent writers take locks in the same order. Thread-safe.
 */
@Singleton
public class JdbcPointStore implements PointStore {

    private static final String INSERT_CHANNEL = """
            INSERT INTO channels (tenant, channel_id, device_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String INSERT_POINT = """
            INSERT INTO points (tenant, channel_id, tag, time, record_id, "values", raw)
            VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""";
    private static final String SELECT_POINTS = """
            SELECT time, record_id, tag, "values" FROM points WHERE tenant = ? AND channel_id = ?""";
    private static final String WITH_TAG = " AND tag = ?";
    private static final String FROM_TIME = " AND time >= ? AND time <= ? ORDER BY time, record_id LIMIT ?";
    private static final String AFTER_CURSOR =
            " AND (time, record_id) > (?, ?) AND time <= ? ORDER BY time, record_id LIMIT ?";
    private static final String NEWEST = " AND time <= ? ORDER BY time DESC, record_id DESC LIMIT 1";

    private static final Comparator<Point> LOCK_ORDER = Comparator
            .comparing((Point p) -> p.tenant().value())
            .thenComparing(p -> p.channel().value())
            .thenComparing(Point::time)
            .thenComparing(Point::recordId);

    private final DataSource dataSource;

    @Inject
    public JdbcPointStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<RefusedPoint> append(List<Point> points) {
        List<Point> ordered = ordered(points);
        return inTransaction(connection -> {
            insertChannels(connection, ordered);
            try {
                insertPoints(connection, ordered);
                return List.of();
            } catch (SQLException failure) {
                if (!SqlFailure.isDataError(failure)) {
                    throw failure;
                }
                return retryIsolatingRefused(connection, ordered);
            }
        });
    }

    @Override
    public void appendAll(List<Point> points) {
        List<Point> ordered = ordered(points);
        inTransaction(connection -> {
            insertChannels(connection, ordered);
            try {
                insertPoints(connection, ordered);
            } catch (SQLException failure) {
                if (SqlFailure.isDataError(failure)) {
                    throw new InvalidPointException("a point holds a value the store cannot keep", failure);
                }
                throw failure;
            }
            return null;
        });
    }

    @Override
    public List<StoredPoint> range(TenantId tenant, ChannelId channel, Optional<Tag> tag, RangeStart start,
            Instant end, int maxRows) {
        if (start instanceof RangeStart.Newest) {
            throw new IllegalArgumentException("a range starts at a time or after a cursor");
        }
        String sql = SELECT_POINTS + (tag.isPresent() ? WITH_TAG : "")
                + (start instanceof RangeStart.After ? AFTER_CURSOR : FROM_TIME);
        return query(sql, statement -> {
            int next = bindChannel(statement, tenant, channel, tag);
            next = bindStart(statement, next, start);
            statement.setObject(next++, utc(end));
            statement.setInt(next, maxRows);
        });
    }

    @Override
    public Optional<StoredPoint> newest(TenantId tenant, ChannelId channel, Optional<Tag> tag, Instant end) {
        String sql = SELECT_POINTS + (tag.isPresent() ? WITH_TAG : "") + NEWEST;
        List<StoredPoint> found = query(sql, statement -> {
            int next = bindChannel(statement, tenant, channel, tag);
            statement.setObject(next, utc(end));
        });
        return found.stream().findFirst();
    }

    private List<RefusedPoint> retryIsolatingRefused(Connection connection, List<Point> points) throws SQLException {
        connection.rollback();
        insertChannels(connection, points);
        List<RefusedPoint> refused = new ArrayList<>();
        for (Point point : points) {
            var savepoint = connection.setSavepoint();
            try {
                insertPoints(connection, List.of(point));
                connection.releaseSavepoint(savepoint);
            } catch (SQLException failure) {
                if (!SqlFailure.isDataError(failure)) {
                    throw failure;
                }
                connection.rollback(savepoint);
                refused.add(new RefusedPoint(point, SqlFailure.reason(failure)));
            }
        }
        return refused;
    }

    private static void insertChannels(Connection connection, List<Point> points) throws SQLException {
        Map<String, Point> firstOfChannel = new LinkedHashMap<>();
        points.forEach(p -> firstOfChannel.putIfAbsent(p.tenant().value() + '\u0000' + p.channel().value(), p));
        try (PreparedStatement insert = connection.prepareStatement(INSERT_CHANNEL)) {
            for (Point point : firstOfChannel.values()) {
                insert.setString(1, point.tenant().value());
                insert.setString(2, point.channel().value());
                insert.setString(3, point.device().value());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertPoints(Connection connection, List<Point> points) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POINT)) {
            for (Point point : points) {
                insert.setString(1, point.tenant().value());
                insert.setString(2, point.channel().value());
                insert.setString(3, Tag.storedForm(point.tag()));
                insert.setObject(4, utc(point.time()));
                insert.setString(5, point.recordId());
                insert.setString(6, point.content().values().toJson());
                insert.setBytes(7, point.content().raw());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static int bindChannel(PreparedStatement statement, TenantId tenant, ChannelId channel,
            Optional<Tag> tag) throws SQLException {
        statement.setString(1, tenant.value());
        statement.setString(2, channel.value());
        if (tag.isEmpty()) {
            return 3;
        }
        statement.setString(3, tag.get().value());
        return 4;
    }

    private static int bindStart(PreparedStatement statement, int index, RangeStart start) throws SQLException {
        if (start instanceof RangeStart.After after) {
            statement.setObject(index, utc(after.cursor().time()));
            statement.setString(index + 1, after.cursor().recordId());
            return index + 2;
        }
        statement.setObject(index, utc(((RangeStart.At) start).time()));
        return index + 1;
    }

    private List<StoredPoint> query(String sql, StatementBinder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredPoint> points = new ArrayList<>();
                while (rows.next()) {
                    points.add(pointOf(rows));
                }
                return points;
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read points", e);
        }
    }

    private static StoredPoint pointOf(ResultSet row) throws SQLException {
        return new StoredPoint(
                row.getObject(1, OffsetDateTime.class).toInstant(),
                row.getString(2),
                Tag.optional(row.getString(3)),
                PointValues.fromStoredJson(row.getString(4)));
    }

    private <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return inTransaction(connection, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot write points", e);
        }
    }

    private static <T> T inTransaction(Connection connection, TransactionWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            restoreAutoCommit(connection);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
    }

    private static List<Point> ordered(List<Point> points) {
        Map<String, Point> unique = new LinkedHashMap<>();
        points.stream().sorted(LOCK_ORDER).forEach(p -> unique.putIfAbsent(identity(p), p));
        return List.copyOf(unique.values());
    }

    private static String identity(Point point) {
        return point.channel().value() + '\u0000' + point.time() + '\u0000' + point.recordId();
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface StatementBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
