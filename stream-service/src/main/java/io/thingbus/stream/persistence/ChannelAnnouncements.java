package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.StoreUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Announces the channels listed in table {@code channel_announcements} (those that existed before channels were
 * announced on Kafka) through the outbox, a batch per transaction, and removes them from the list. Safe to run on
 * several instances at once ({@code SKIP LOCKED}); once the list is empty it costs one query.
 */
@Singleton
public class ChannelAnnouncements {

    private static final int BATCH = 500;
    private static final String PENDING = """
            SELECT tenant, channel_id FROM channel_announcements ORDER BY tenant, channel_id
             LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String DONE = "DELETE FROM channel_announcements WHERE tenant = ? AND channel_id = ?";

    private final DataSource dataSource;
    private final OutboxSignal outbox;

    @Inject
    public ChannelAnnouncements(DataSource dataSource, OutboxSignal outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /**
     * Announces every pending channel.
     *
     * @return how many channels were announced
     * @throws StoreUnavailableException when the store failed; what was announced before stays announced
     */
    public int announcePending() {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            int announced;
            do {
                announced = JdbcTransaction.run(connection, ChannelAnnouncements::announceBatch);
                total += announced;
            } while (announced == BATCH);
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot announce existing channels", e);
        }
        if (total > 0) {
            outbox.committed();
        }
        return total;
    }

    private static int announceBatch(Connection connection) throws SQLException {
        List<ChannelKey> pending = pending(connection);
        for (ChannelKey key : pending) {
            ChannelRows.lock(connection, key, ChannelRows.Lock.KEY_SHARE);
            Optional<Channel> channel = ChannelRows.find(connection, key);
            if (channel.isPresent()) {
                ChannelOutbox.changed(connection, channel.get());
            }
            try (PreparedStatement done = connection.prepareStatement(DONE)) {
                done.setString(1, key.tenant().value());
                done.setString(2, key.channel().value());
                done.executeUpdate();
            }
        }
        return pending.size();
    }

    private static List<ChannelKey> pending(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PENDING)) {
            select.setInt(1, BATCH);
            try (ResultSet rows = select.executeQuery()) {
                List<ChannelKey> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(new ChannelKey(TenantId.of(rows.getString(1)), ChannelId.of(rows.getString(2))));
                }
                return keys;
            }
        }
    }
}
