package io.thingbus.event.persistence;

import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.Alert;
import io.thingbus.event.domain.AlertOutcome;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.Notification;
import io.thingbus.event.domain.Rule;
import io.thingbus.event.domain.RuleRepository;
import io.thingbus.event.domain.RuleState;
import io.thingbus.event.domain.UnknownEventException;
import io.thingbus.event.domain.VersionCondition;
import io.thingbus.event.domain.VersionMismatchException;
import io.thingbus.event.domain.WatchedRule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** {@link RuleRepository} on tables {@code rules}, {@code alerts} and {@code notifications}. Thread-safe. */
@Singleton
public class JdbcRuleRepository implements RuleRepository {

    private static final String INSERT = "INSERT INTO rules (event_id, tenant, webhook_secret, created_at, "
            + RuleRows.DEFINITION_COLUMNS + ", " + RuleRows.FRESH_STATE_COLUMNS + ") VALUES ("
            + "?, ?, ?, ?, " + "?, ".repeat(19) + "?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + RuleRows.COLUMNS + " FROM rules WHERE tenant = ?";
    private static final String FIND = SELECT + " AND event_id = ?";
    private static final String LOCK = FIND + " FOR UPDATE";
    private static final String LIST = SELECT + " ORDER BY created_at, event_id";
    private static final String UPDATE = "UPDATE rules SET (" + RuleRows.DEFINITION_COLUMNS + ", "
            + RuleRows.FRESH_STATE_COLUMNS + ") = (" + "?, ".repeat(23) + "?) WHERE event_id = ?";
    private static final String DELETE = "DELETE FROM rules WHERE event_id = ?";
    private static final String RECENT_ALERTS = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE event_id = ? "
            + "ORDER BY fired_at DESC, alert_id LIMIT ?";
    private static final String NOTIFICATIONS_OF = "SELECT " + AlertRows.NOTIFICATION_COLUMNS + " FROM notifications "
            + "WHERE alert_id = ANY (?) ORDER BY alert_id, seq";
    private static final String PURGE = "DELETE FROM alerts a WHERE a.fired_at < ? AND NOT EXISTS "
            + "(SELECT 1 FROM notifications n WHERE n.alert_id = a.alert_id AND n.status = 'pending')";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcRuleRepository(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public void insert(Rule rule, RuleState state) {
        transactions.run("store the event", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setString(1, rule.id().value());
                statement.setString(2, rule.tenant().value());
                statement.setString(3, rule.secret().value());
                SqlValues.setInstant(statement, 4, rule.createdAt());
                int next = RuleRows.bindDefinition(connection, statement, 5, rule);
                RuleRows.bindFreshState(statement, next, state);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public Optional<WatchedRule> find(TenantId tenant, EventId id) {
        return transactions.run("read the event", connection -> select(connection, FIND, tenant, id))
                .stream().findFirst();
    }

    @Override
    public List<WatchedRule> list(TenantId tenant) {
        return transactions.run("read the events", connection -> select(connection, LIST, tenant, null));
    }

    @Override
    public WatchedRule replace(TenantId tenant, EventId id, VersionCondition condition, UnaryOperator<Rule> change,
            RuleState state) {
        return transactions.run("change the event", connection -> {
            Rule current = locked(connection, tenant, id, condition);
            Rule replaced = change.apply(current);
            try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
                int next = RuleRows.bindDefinition(connection, statement, 1, replaced);
                next = RuleRows.bindFreshState(statement, next, state);
                statement.setString(next, id.value());
                statement.executeUpdate();
            }
            return select(connection, FIND, tenant, id).get(0);
        });
    }

    @Override
    public void delete(TenantId tenant, EventId id, VersionCondition condition) {
        transactions.run("delete the event", connection -> {
            locked(connection, tenant, id, condition);
            try (PreparedStatement statement = connection.prepareStatement(DELETE)) {
                statement.setString(1, id.value());
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public List<AlertOutcome> recentAlerts(EventId id, int limit) {
        return transactions.run("read the event's alerts", connection -> {
            Map<UUID, Alert> alerts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(RECENT_ALERTS)) {
                statement.setString(1, id.value());
                statement.setInt(2, limit);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Alert alert = AlertRows.readAlert(rows);
                        alerts.put(alert.id(), alert);
                    }
                }
            }
            Map<UUID, List<Notification>> notifications = notificationsOf(connection, alerts.keySet());
            List<AlertOutcome> outcomes = new ArrayList<>();
            alerts.forEach((alertId, alert) -> outcomes.add(
                    new AlertOutcome(alert, notifications.getOrDefault(alertId, List.of()))));
            return outcomes;
        });
    }

    @Override
    public int purgeAlertsBefore(Instant cutoff) {
        return transactions.run("purge old alerts", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(PURGE)) {
                SqlValues.setInstant(statement, 1, cutoff);
                return statement.executeUpdate();
            }
        });
    }

    /** The notifications of these alerts, grouped by alert, in queue order. */
    static Map<UUID, List<Notification>> notificationsOf(Connection connection, Collection<UUID> alertIds)
            throws SQLException {
        Map<UUID, List<Notification>> byAlert = new LinkedHashMap<>();
        if (alertIds.isEmpty()) {
            return byAlert;
        }
        try (PreparedStatement statement = connection.prepareStatement(NOTIFICATIONS_OF)) {
            statement.setArray(1, connection.createArrayOf("uuid", alertIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Notification notification = AlertRows.readNotification(rows);
                    byAlert.computeIfAbsent(notification.alertId(), alert -> new ArrayList<>()).add(notification);
                }
            }
        }
        return byAlert;
    }

    private static Rule locked(Connection connection, TenantId tenant, EventId id, VersionCondition condition)
            throws SQLException {
        List<WatchedRule> found = select(connection, LOCK, tenant, id);
        if (found.isEmpty()) {
            throw new UnknownEventException();
        }
        Rule current = found.get(0).rule();
        if (!condition.allows(current.version())) {
            throw new VersionMismatchException();
        }
        return current;
    }

    private static List<WatchedRule> select(Connection connection, String sql, TenantId tenant, EventId id)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            if (id != null) {
                statement.setString(2, id.value());
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<WatchedRule> rules = new ArrayList<>();
                while (rows.next()) {
                    rules.add(RuleRows.read(rows));
                }
                return rules;
            }
        }
    }
}
