package io.thingbus.event.persistence;

import io.thingbus.event.domain.ChannelRef;
import io.thingbus.event.domain.Evaluation;
import io.thingbus.event.domain.EvaluationStore;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.RuleState;
import io.thingbus.event.domain.SilenceCandidate;
import io.thingbus.event.domain.StreamPosition;
import io.thingbus.event.domain.WatchedRule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * {@link EvaluationStore} on table {@code rules} (state columns) plus the alert tables. Rules are locked with
 * {@code SELECT … FOR UPDATE} in id order (so concurrent batches cannot deadlock); the no-data check skips rules that
 * are locked elsewhere. Thread-safe.
 */
@Singleton
public class JdbcEvaluationStore implements EvaluationStore {

    private static final String OF_CHANNELS = "SELECT " + RuleRows.COLUMNS + " FROM rules "
            + "WHERE enabled AND (tenant, channel_id) IN (SELECT * FROM unnest(?::text[], ?::text[])) "
            + "ORDER BY event_id FOR UPDATE";
    /**
     * Due no-data rules with since when their channel has had its current writers: the devices whose telemetry goes
     * to it (the routing rule of {@code TelemetryRoutes}: the channel a device's entry names when the tenant has it,
     * else the device's default channel). A rule whose channel has no writer is not returned.
     */
    private static final String SILENT = "SELECT " + RuleRows.COLUMNS + ", w.since AS writers_since FROM rules r "
            + "CROSS JOIN LATERAL (SELECT max(x.routed_at) AS since FROM ("
            + "SELECT d.routed_at FROM devices d "
            + "JOIN channels c ON c.tenant = d.tenant AND c.channel_id = d.channel_id "
            + "WHERE d.tenant = r.tenant AND d.channel_id = r.channel_id "
            + "UNION ALL SELECT d.routed_at FROM devices d WHERE d.tenant = r.tenant "
            + "AND d.default_channel_id = r.channel_id AND NOT EXISTS "
            + "(SELECT 1 FROM channels c WHERE c.tenant = d.tenant AND c.channel_id = d.channel_id)) x) w "
            + "WHERE r.kind = 'no_data' AND r.enabled AND r.armed AND w.since IS NOT NULL "
            + "AND GREATEST(COALESCE(r.last_point_at, r.active_since), r.active_since, ?, w.since) "
            + "+ r.no_data_ms * INTERVAL '1 millisecond' <= ? "
            + "ORDER BY r.event_id LIMIT ? FOR UPDATE OF r SKIP LOCKED";
    private static final String UPDATE_STATE = "UPDATE rules SET armed = ?, last_value = ?, last_point_at = ?, "
            + "last_fired_at = ?, position_partition = ?, position_offset = ? WHERE event_id = ?";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcEvaluationStore(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public Evaluation evaluate(Set<ChannelRef> channels, Function<List<WatchedRule>, Evaluation> work) {
        return transactions.run("evaluate events", connection -> {
            List<WatchedRule> rules;
            try (PreparedStatement statement = connection.prepareStatement(OF_CHANNELS)) {
                statement.setArray(1, connection.createArrayOf("text",
                        channels.stream().map(c -> c.tenant().value()).toArray()));
                statement.setArray(2, connection.createArrayOf("text",
                        channels.stream().map(c -> c.channel().value()).toArray()));
                rules = read(statement);
            }
            return store(connection, rules.isEmpty() ? new Evaluation(Map.of(), List.of()) : work.apply(rules));
        });
    }

    @Override
    public Evaluation evaluateSilent(Instant now, Instant watchingSince, int limit,
            Function<List<SilenceCandidate>, Evaluation> work) {
        return transactions.run("check silent devices", connection -> {
            List<SilenceCandidate> candidates = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(SILENT)) {
                SqlValues.setInstant(statement, 1, watchingSince);
                SqlValues.setInstant(statement, 2, now);
                statement.setInt(3, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(new SilenceCandidate(RuleRows.read(rows),
                                SqlValues.instant(rows, "writers_since")));
                    }
                }
            }
            return store(connection, work.apply(candidates));
        });
    }

    private static List<WatchedRule> read(PreparedStatement statement) throws SQLException {
        List<WatchedRule> rules = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                rules.add(RuleRows.read(rows));
            }
        }
        return rules;
    }

    private static Evaluation store(Connection connection, Evaluation evaluation) throws SQLException {
        if (!evaluation.changedStates().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(UPDATE_STATE)) {
                for (Map.Entry<EventId, RuleState> change : evaluation.changedStates().entrySet()) {
                    bindState(statement, change.getValue());
                    statement.setString(7, change.getKey().value());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        AlertRows.insert(connection, evaluation.alerts());
        return evaluation;
    }

    private static void bindState(PreparedStatement statement, RuleState state) throws SQLException {
        statement.setBoolean(1, state.armed());
        SqlValues.setText(statement, 2, state.lastValue().map(BigDecimal::toString).orElse(null));
        SqlValues.setInstant(statement, 3, state.lastPointAt());
        SqlValues.setInstant(statement, 4, state.lastFiredAt());
        if (state.position().isPresent()) {
            StreamPosition position = state.position().get();
            statement.setInt(5, position.partition());
            statement.setLong(6, position.offset());
        } else {
            statement.setNull(5, Types.INTEGER);
            statement.setNull(6, Types.BIGINT);
        }
    }
}
