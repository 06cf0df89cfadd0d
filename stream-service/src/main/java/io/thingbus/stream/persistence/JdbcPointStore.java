package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Aggregation;
import io.thingbus.stream.domain.Bucket;
import io.thingbus.stream.domain.BucketInterval;
import io.thingbus.stream.domain.ChannelNotFoundException;
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
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@link PointStore} on PostgreSQL (TimescaleDB when present) with plain JDBC. Writes are JDBC batches with
 * {@code ON CONFLICT DO NOTHING} (the driver rewrites them to multi-row inserts when {@code reWriteBatchedInserts} is
 * on), rows sorted by (tenant, channel, time, record id) so concurrent writers take locks in the same order. A write
 * holds {@code FOR KEY SHARE} locks on the channels it writes to, so a channel deleted meanwhile either waits for the
 * write or is not written to; new tags and created channels are announced through the outbox in the same transaction.
 * Thread-safe.
 */
@Singleton
public class JdbcPointStore implements PointStore {

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
    private static final String AGGREGATE = """
            SELECT date_bin(make_interval(secs => ?), p.time, ?) AS bucket, f.key, %s
              FROM points p CROSS JOIN LATERAL jsonb_each(p."values") AS f(key, value)
             WHERE p.tenant = ? AND p.channel_id = ?%s AND p.time >= ? AND p.time <= ?
               AND jsonb_typeof(f.value) = 'number'
             GROUP BY bucket, f.key ORDER BY bucket""";

    private static final Comparator<Point> LOCK_ORDER = Comparator
            .comparing((Point p) -> p.tenant().value())
            .thenComparing(p -> p.channel().value())
            .thenComparing(Point::time)
            .thenComparing(Point::recordId);

    private final DataSource dataSource;
    private final OutboxSignal outbox;
    private final Clock clock;

    @Inject
    public JdbcPointStore(DataSource dataSource, OutboxSignal outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public List<RefusedPoint> append(List<Point> points) {
        List<Point> ordered = ordered(points);
        Instant now = now();
        return write(connection -> {
            TelemetryRouting.Routed routed = TelemetryRouting.route(connection, ordered, now, JdbcPointStore::ordered);
            try {
                insertPoints(connection, routed.points());
                return announce(connection, routed.created(), routed.points(), List.of(), now);
            } catch (SQLException failure) {
                if (!SqlFailure.isDataError(failure)) {
                    throw failure;
                }
                return retryIsolatingRefused(connection, ordered, now);
            }
        });
    }

    @Override
    public void appendAll(List<Point> points) {
        List<Point> ordered = ordered(points);
        Instant now = now();
        write(connection -> {
            SortedSet<ChannelKey> channels = new TreeSet<>(ordered.stream().map(JdbcPointStore::channelOf).toList());
            Set<ChannelKey> existing = ChannelRows.lockExisting(connection, channels);
            for (ChannelKey channel : channels) {
                if (!existing.contains(channel)) {
                    throw new ChannelNotFoundException(channel.channel());
                }
            }
            try {
                insertPoints(connection, ordered);
            } catch (SQLException failure) {
                if (SqlFailure.isDataError(failure)) {
                    throw new InvalidPointException("a point holds a value the store cannot keep", failure);
                }
                throw failure;
            }
            return announce(connection, Set.of(), ordered, List.of(), now);
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
            int next = bindChannel(statement, 1, tenant, channel, tag);
            next = bindStart(statement, next, start);
            statement.setObject(next++, ChannelRows.utc(end));
            statement.setInt(next, maxRows);
        }, JdbcPointStore::pointOf);
    }

    @Override
    public Optional<StoredPoint> newest(TenantId tenant, ChannelId channel, Optional<Tag> tag, Instant end) {
        String sql = SELECT_POINTS + (tag.isPresent() ? WITH_TAG : "") + NEWEST;
        List<StoredPoint> found = query(sql, statement -> {
            int next = bindChannel(statement, 1, tenant, channel, tag);
            statement.setObject(next, ChannelRows.utc(end));
        }, JdbcPointStore::pointOf);
        return found.stream().findFirst();
    }

    @Override
    public List<Bucket> aggregate(TenantId tenant, ChannelId channel, Optional<Tag> tag, Aggregation aggregation,
            BucketInterval interval, Instant from, Instant to) {
        String sql = AGGREGATE.formatted(aggregateOf(aggregation), tag.isPresent() ? " AND p.tag = ?" : "");
        List<FieldValue> rows = query(sql, statement -> {
            statement.setDouble(1, interval.length().getSeconds());
            statement.setObject(2, ChannelRows.utc(BucketInterval.ORIGIN));
            int next = bindChannel(statement, 3, tenant, channel, tag);
            statement.setObject(next++, ChannelRows.utc(from));
            statement.setObject(next, ChannelRows.utc(to));
        }, row -> new FieldValue(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                row.getBigDecimal(3)));
        return bucketsOf(rows);
    }

    private static Written retryIsolatingRefused(Connection connection, List<Point> points, Instant now)
            throws SQLException {
        connection.rollback();
        TelemetryRouting.Routed routed = TelemetryRouting.route(connection, points, now, JdbcPointStore::ordered);
        List<Point> stored = new ArrayList<>();
        List<RefusedPoint> refused = new ArrayList<>();
        for (Point point : routed.points()) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                insertPoints(connection, List.of(point));
                connection.releaseSavepoint(savepoint);
                stored.add(point);
            } catch (SQLException failure) {
                if (!SqlFailure.isDataError(failure)) {
                    throw failure;
                }
                connection.rollback(savepoint);
                refused.add(new RefusedPoint(point, SqlFailure.reason(failure)));
            }
        }
        return announce(connection, routed.created(), stored, refused, now);
    }

    /**
     * Makes the stored points' tags known tags of their channels, counts a new tag as a change of its channel (the
     * next version), and announces every channel created or changed. A channel about to get a new tag is locked for
     * the change before its tag is inserted, as a channel update does, so the two cannot deadlock.
     */
    private static Written announce(Connection connection, Set<ChannelKey> created, List<Point> stored,
            List<RefusedPoint> refused, Instant now) throws SQLException {
        SortedMap<ChannelKey, Set<Tag>> tags = new TreeMap<>();
        for (Point point : stored) {
            point.tag().ifPresent(tag -> tags.computeIfAbsent(channelOf(point), k -> new HashSet<>()).add(tag));
        }
        ChannelRows.lockAll(connection, new TreeSet<>(ChannelRows.withUnknownTags(connection, tags)),
                ChannelRows.Lock.NO_KEY_UPDATE);
        SortedSet<ChannelKey> retagged = new TreeSet<>(ChannelRows.insertTags(connection, tags, now));
        retagged.removeAll(created);
        ChannelRows.nextVersions(connection, retagged, now);
        SortedSet<ChannelKey> changed = new TreeSet<>(created);
        changed.addAll(retagged);
        for (ChannelKey channel : changed) {
            ChannelOutbox.changed(connection, ChannelRows.find(connection, channel).orElseThrow());
        }
        return new Written(refused, !changed.isEmpty());
    }

    private static void insertPoints(Connection connection, List<Point> points) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_POINT)) {
            for (Point point : points) {
                insert.setString(1, point.tenant().value());
                insert.setString(2, point.channel().value());
                insert.setString(3, Tag.storedForm(point.tag()));
                insert.setObject(4, ChannelRows.utc(point.time()));
                insert.setString(5, point.recordId());
                insert.setString(6, point.content().values().toJson());
                insert.setBytes(7, point.content().raw());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String aggregateOf(Aggregation aggregation) {
        return switch (aggregation) {
            case AVG -> "avg((f.value)::numeric)";
            case MIN -> "min((f.value)::numeric)";
            case MAX -> "max((f.value)::numeric)";
            case COUNT -> "count(*)";
        };
    }

    private static List<Bucket> bucketsOf(List<FieldValue> rows) {
        Map<Instant, Map<String, BigDecimal>> byTime = new LinkedHashMap<>();
        for (FieldValue row : rows) {
            byTime.computeIfAbsent(row.bucket(), t -> new TreeMap<>()).put(row.field(), row.value());
        }
        List<Bucket> buckets = new ArrayList<>(byTime.size());
        byTime.forEach((time, values) -> buckets.add(new Bucket(time, values)));
        return buckets;
    }

    private static int bindChannel(PreparedStatement statement, int index, TenantId tenant, ChannelId channel,
            Optional<Tag> tag) throws SQLException {
        statement.setString(index, tenant.value());
        statement.setString(index + 1, channel.value());
        if (tag.isEmpty()) {
            return index + 2;
        }
        statement.setString(index + 2, tag.get().value());
        return index + 3;
    }

    private static int bindStart(PreparedStatement statement, int index, RangeStart start) throws SQLException {
        if (start instanceof RangeStart.After after) {
            statement.setObject(index, ChannelRows.utc(after.cursor().time()));
            statement.setString(index + 1, after.cursor().recordId());
            return index + 2;
        }
        statement.setObject(index, ChannelRows.utc(((RangeStart.At) start).time()));
        return index + 1;
    }

    private <T> List<T> query(String sql, StatementBinder binder, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
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

    /** Runs a write in one transaction; when it wrote to the outbox, wakes the relay after the commit. */
    private List<RefusedPoint> write(JdbcTransaction.Work<Written> work) {
        Written written;
        try (Connection connection = dataSource.getConnection()) {
            written = JdbcTransaction.run(connection, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot write points", e);
        }
        if (written.announced()) {
            outbox.committed();
        }
        return written.refused();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Point> ordered(List<Point> points) {
        Map<String, Point> unique = new LinkedHashMap<>();
        points.stream().sorted(LOCK_ORDER).forEach(p -> unique.putIfAbsent(identity(p), p));
        return List.copyOf(unique.values());
    }

    private static String identity(Point point) {
        return point.tenant().value() + '\u0000' + point.channel().value() + '\u0000' + point.time() + '\u0000'
                + point.recordId();
    }

    private static ChannelKey channelOf(Point point) {
        return new ChannelKey(point.tenant(), point.channel());
    }

    /** The outcome of a write: the points refused, and whether it wrote to the outbox. */
    private record Written(List<RefusedPoint> refused, boolean announced) {
    }

    /** One aggregated value: interval, field, value. */
    private record FieldValue(Instant bucket, String field, BigDecimal value) {
    }

    @FunctionalInterface
    private interface StatementBinder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }
}
