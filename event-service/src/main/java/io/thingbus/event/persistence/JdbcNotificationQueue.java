package io.thingbus.event.persistence;

import io.thingbus.contracts.AlertRecord;
import io.thingbus.event.domain.Alert;
import io.thingbus.event.domain.AlertRecords;
import io.thingbus.event.domain.DeliveryResult;
import io.thingbus.event.domain.Notification;
import io.thingbus.event.domain.NotificationQueue;
import io.thingbus.event.domain.NotificationStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link NotificationQueue} on table {@code notifications}. Claims use {@code FOR UPDATE SKIP LOCKED}, so workers of
 * several instances never claim the same notification; recording an outcome locks the alert's row, so exactly one
 * transaction sees its last notification settle. Thread-safe.
 */
@Singleton
public class JdbcNotificationQueue implements NotificationQueue {

    private static final String CLAIM = "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ?, "
            + "updated_at = ? WHERE notification_id IN (SELECT notification_id FROM notifications "
            + "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ? "
            + "FOR UPDATE SKIP LOCKED) RETURNING " + AlertRows.NOTIFICATION_COLUMNS;
    private static final String RECORD = "UPDATE notifications SET status = ?, next_attempt_at = ?, last_error = ?, "
            + "updated_at = ? WHERE notification_id = ? AND status = 'pending' RETURNING alert_id";
    private static final String LOCK_ALERT = "SELECT " + AlertRows.ALERT_COLUMNS + " FROM alerts WHERE alert_id = ? "
            + "FOR UPDATE";

    private final JdbcTransactions transactions;

    @Inject
    public JdbcNotificationQueue(DataSource dataSource) {
        this.transactions = new JdbcTransactions(dataSource);
    }

    @Override
    public List<Notification> claimDue(Instant now, int limit, Duration lease) {
        return transactions.run("claim notifications", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
                SqlValues.setInstant(statement, 1, now.plus(lease));
                SqlValues.setInstant(statement, 2, now);
                SqlValues.setInstant(statement, 3, now);
                statement.setInt(4, limit);
                List<Notification> claimed = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(AlertRows.readNotification(rows));
                    }
                }
                return claimed;
            }
        });
    }

    @Override
    public void record(UUID notification, DeliveryResult result) {
        transactions.run("record a notification outcome", connection -> {
            UUID alertId = update(connection, notification, result);
            if (alertId != null && !(result instanceof DeliveryResult.Retry)) {
                announceIfSettled(connection, alertId);
            }
            return null;
        });
    }

    /** @return the notification's alert, or null when it no longer exists or was no longer pending */
    private static UUID update(Connection connection, UUID notification, DeliveryResult result) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            if (result instanceof DeliveryResult.Sent sent) {
                bind(statement, NotificationStatus.SENT, sent.at(), null, sent.at());
            } else if (result instanceof DeliveryResult.Retry retry) {
                bind(statement, NotificationStatus.PENDING, retry.nextAttemptAt(), retry.error(), retry.at());
            } else {
                DeliveryResult.Failed failed = (DeliveryResult.Failed) result;
                bind(statement, NotificationStatus.FAILED, failed.at(), failed.error(), failed.at());
            }
            statement.setObject(5, notification);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        }
    }

    private static void bind(PreparedStatement statement, NotificationStatus status, Instant nextAttemptAt,
            String error, Instant at) throws SQLException {
        statement.setString(1, status.wireName());
        SqlValues.setInstant(statement, 2, nextAttemptAt);
        SqlValues.setText(statement, 3, error);
        SqlValues.setInstant(statement, 4, at);
    }

    private static void announceIfSettled(Connection connection, UUID alertId) throws SQLException {
        Alert alert;
        try (PreparedStatement statement = connection.prepareStatement(LOCK_ALERT)) {
            statement.setObject(1, alertId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                alert = AlertRows.readAlert(rows);
            }
        }
        List<Notification> notifications = JdbcRuleRepository.notificationsOf(connection, List.of(alertId))
                .getOrDefault(alertId, List.of());
        if (notifications.stream().allMatch(n -> n.status().isFinal())) {
            AlertRows.queueRecord(connection, AlertRecords.of(alert, notifications, AlertRecord.SETTLED));
        }
    }
}
