package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.ChannelAlreadyExistsException;
import io.thingbus.stream.domain.ChannelCatalog;
import io.thingbus.stream.domain.ChannelNotFoundException;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.Tag;
import io.thingbus.stream.domain.TagNotFoundException;
import io.thingbus.stream.domain.VersionCondition;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * {@link ChannelCatalog} on tables {@code channels} and {@code channel_tags}, announcing every change through the
 * outbox in the same transaction. Thread-safe.
 */
@Singleton
public class JdbcChannelCatalog implements ChannelCatalog {

    private static final String DELETE_POINTS = "DELETE FROM points WHERE tenant = ? AND channel_id = ?";
    private static final String DELETE_TAG_POINTS = DELETE_POINTS + " AND tag = ?";

    private final DataSource dataSource;
    private final OutboxSignal outbox;
    private final Clock clock;

    @Inject
    public JdbcChannelCatalog(DataSource dataSource, OutboxSignal outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Optional<Channel> find(TenantId tenant, ChannelId channel) {
        return read(connection -> ChannelRows.find(connection, new ChannelKey(tenant, channel)));
    }

    @Override
    public List<Channel> list(TenantId tenant) {
        return read(connection -> ChannelRows.list(connection, tenant));
    }

    @Override
    public void create(Channel channel) {
        write(connection -> {
            if (!ChannelRows.insert(connection, channel)) {
                throw new ChannelAlreadyExistsException(channel.id());
            }
            ChannelKey key = new ChannelKey(channel.tenant(), channel.id());
            ChannelRows.insertTags(connection, new TreeMap<>(Map.of(key, channel.tags())), channel.createdAt());
            ChannelOutbox.changed(connection, channel);
            return Outcome.announced(channel);
        });
    }

    @Override
    public Channel update(TenantId tenant, ChannelId channel, VersionCondition condition,
            UnaryOperator<Channel> change) {
        ChannelKey key = new ChannelKey(tenant, channel);
        return write(connection -> {
            Channel current = lockAndCheck(connection, key, ChannelRows.Lock.NO_KEY_UPDATE, condition);
            Channel next = change.apply(current);
            if (next.equals(current)) {
                return Outcome.unchanged(current);
            }
            ChannelRows.update(connection, next);
            List<Tag> added = next.tags().stream().filter(t -> !current.hasTag(t)).toList();
            ChannelRows.insertTags(connection, new TreeMap<>(Map.of(key, added)), next.updatedAt());
            ChannelOutbox.changed(connection, next);
            return Outcome.announced(next);
        });
    }

    @Override
    public void delete(TenantId tenant, ChannelId channel, VersionCondition condition) {
        ChannelKey key = new ChannelKey(tenant, channel);
        write(connection -> {
            lockAndCheck(connection, key, ChannelRows.Lock.UPDATE, condition);
            deletePoints(connection, DELETE_POINTS, key, Optional.empty());
            ChannelRows.delete(connection, key);
            ChannelOutbox.deleted(connection, key, clock.instant().truncatedTo(ChronoUnit.MICROS));
            return Outcome.announced(key);
        });
    }

    @Override
    public Channel deleteTag(TenantId tenant, ChannelId channel, Tag tag, VersionCondition condition,
            UnaryOperator<Channel> change) {
        ChannelKey key = new ChannelKey(tenant, channel);
        return write(connection -> {
            Channel current = lockAndCheck(connection, key, ChannelRows.Lock.UPDATE, condition);
            int points = deletePoints(connection, DELETE_TAG_POINTS, key, Optional.of(tag));
            boolean known = ChannelRows.deleteTag(connection, key, tag);
            if (points == 0 && !known) {
                throw new TagNotFoundException(tag);
            }
            Channel next = change.apply(current);
            ChannelRows.update(connection, next);
            ChannelOutbox.changed(connection, next);
            return Outcome.announced(next);
        });
    }

    /**
     * Locks the channel and checks the condition against its version.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     */
    private static Channel lockAndCheck(Connection connection, ChannelKey key, ChannelRows.Lock lock,
            VersionCondition condition) throws SQLException {
        if (!ChannelRows.lock(connection, key, lock)) {
            throw new ChannelNotFoundException(key.channel());
        }
        Channel current = ChannelRows.find(connection, key).orElseThrow();
        condition.check(current.version());
        return current;
    }

    private static int deletePoints(Connection connection, String sql, ChannelKey key, Optional<Tag> tag)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, key.tenant().value());
            delete.setString(2, key.channel().value());
            if (tag.isPresent()) {
                delete.setString(3, tag.get().value());
            }
            return delete.executeUpdate();
        }
    }

    private <T> T read(JdbcTransaction.Work<T> query) {
        try (Connection connection = dataSource.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot read channels", e);
        }
    }

    /** Runs a change in one transaction; when it wrote to the outbox, wakes the relay after the commit. */
    private <T> T write(JdbcTransaction.Work<Outcome<T>> change) {
        Outcome<T> outcome;
        try (Connection connection = dataSource.getConnection()) {
            outcome = JdbcTransaction.run(connection, change);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot change channels", e);
        }
        if (outcome.announced()) {
            outbox.committed();
        }
        return outcome.value();
    }

    /** What a change returns, and whether it wrote to the outbox. */
    private record Outcome<T>(T value, boolean announced) {

        static <T> Outcome<T> announced(T value) {
            return new Outcome<>(value, true);
        }

        static <T> Outcome<T> unchanged(T value) {
            return new Outcome<>(value, false);
        }
    }
}
