package io.thingbus.event.persistence;

import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.Alert;
import io.thingbus.event.domain.Comparison;
import io.thingbus.event.domain.Condition;
import io.thingbus.event.domain.EmailAddress;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.FieldName;
import io.thingbus.event.domain.MailMessage;
import io.thingbus.event.domain.NewAlert;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.Notification;
import io.thingbus.event.domain.NotificationMessage;
import io.thingbus.event.domain.NotificationStatus;
import io.thingbus.event.domain.Operator;
import io.thingbus.event.domain.RuleName;
import io.thingbus.event.domain.Tag;
import io.thingbus.event.domain.ThresholdCondition;
import io.thingbus.event.domain.WebhookMessage;
import io.thingbus.event.domain.WebhookUrl;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Maps alerts, notifications and alert records to rows of {@code alerts}, {@code notifications}, {@code alert_outbox}. */
final class AlertRows {

    static final String ALERT_COLUMNS = "alert_id, event_id, event_name, tenant, device_id, channel_id, tag, kind, "
            + "field, operator, threshold, low, high, no_data_minutes, value, value_time, fired_at";
    static final String NOTIFICATION_COLUMNS = "notification_id, alert_id, seq, channel, target, subject, body, "
            + "signature, status, attempts, next_attempt_at, last_error, updated_at";

    private static final String INSERT_ALERT = "INSERT INTO alerts (" + ALERT_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_NOTIFICATION = "INSERT INTO notifications (" + NOTIFICATION_COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RECORD = "INSERT INTO alert_outbox "
            + "(record_id, record_key, record_value, tenant, device_id, created_at) VALUES (?, ?, ?, ?, ?, now())";

    private AlertRows() {
    }

    /** Stores the alerts, their notifications and their {@code fired} records, in the caller's transaction. */
    static void insert(Connection connection, List<NewAlert> alerts) throws SQLException {
        if (alerts.isEmpty()) {
            return;
        }
        try (PreparedStatement alertRows = connection.prepareStatement(INSERT_ALERT);
             PreparedStatement notificationRows = connection.prepareStatement(INSERT_NOTIFICATION)) {
            for (NewAlert alert : alerts) {
                bindAlert(alertRows, alert.alert());
                alertRows.addBatch();
                for (int seq = 0; seq < alert.notifications().size(); seq++) {
                    bindNotification(notificationRows, alert.notifications().get(seq), seq);
                    notificationRows.addBatch();
                }
            }
            alertRows.executeBatch();
            notificationRows.executeBatch();
        }
        for (NewAlert alert : alerts) {
            queueRecord(connection, alert.record());
        }
    }

    /** Queues an alert record for the alerts topic, in the caller's transaction. */
    static void queueRecord(Connection connection, AlertRecord record) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_RECORD)) {
            statement.setObject(1, UUID.randomUUID());
            statement.setString(2, record.key().asString());
            statement.setBytes(3, AlertRecord.CODEC.encode(record));
            statement.setString(4, record.tenant().value());
            statement.setString(5, record.deviceId().value());
            statement.executeUpdate();
        }
    }

    private static void bindAlert(PreparedStatement statement, Alert alert) throws SQLException {
        statement.setObject(1, alert.id());
        statement.setString(2, alert.eventId().value());
        statement.setString(3, alert.eventName().value());
        statement.setString(4, alert.tenant().value());
        statement.setString(5, alert.device().value());
        statement.setString(6, alert.channel().value());
        SqlValues.setText(statement, 7, alert.tag().map(Tag::value).orElse(null));
        bindCondition(statement, alert.condition());
        SqlValues.setText(statement, 15, alert.value().map(BigDecimal::toString).orElse(null));
        SqlValues.setInstant(statement, 16, alert.valueTime());
        SqlValues.setInstant(statement, 17, alert.firedAt());
    }

    /** Binds kind, field, operator, threshold, low, high, no_data_minutes at indexes 8 to 14. */
    private static void bindCondition(PreparedStatement statement, Condition condition) throws SQLException {
        if (condition instanceof ThresholdCondition threshold) {
            Comparison comparison = threshold.comparison();
            statement.setString(8, "threshold");
            statement.setString(9, threshold.field().value());
            statement.setString(10, comparison.operator().symbol());
            SqlValues.setDecimal(statement, 11, comparison.threshold());
            SqlValues.setDecimal(statement, 12, comparison.low());
            SqlValues.setDecimal(statement, 13, comparison.high());
            SqlValues.setDecimal(statement, 14, null);
        } else {
            statement.setString(8, "no_data");
            statement.setNull(9, Types.VARCHAR);
            statement.setNull(10, Types.VARCHAR);
            SqlValues.setDecimal(statement, 11, null);
            SqlValues.setDecimal(statement, 12, null);
            SqlValues.setDecimal(statement, 13, null);
            SqlValues.setDecimal(statement, 14, ((NoDataCondition) condition).minutes());
        }
    }

    private static void bindNotification(PreparedStatement statement, Notification notification, int seq)
            throws SQLException {
        NotificationMessage message = notification.message();
        statement.setObject(1, notification.id());
        statement.setObject(2, notification.alertId());
        statement.setInt(3, seq);
        statement.setString(4, message.channel());
        statement.setString(5, message.target());
        if (message instanceof MailMessage mail) {
            statement.setString(6, mail.subject());
            statement.setString(7, mail.text());
            statement.setNull(8, Types.VARCHAR);
        } else {
            WebhookMessage webhook = (WebhookMessage) message;
            statement.setNull(6, Types.VARCHAR);
            statement.setString(7, webhook.body());
            statement.setString(8, webhook.signature());
        }
        statement.setString(9, notification.status().wireName());
        statement.setInt(10, notification.attempts());
        SqlValues.setInstant(statement, 11, notification.nextAttemptAt());
        SqlValues.setText(statement, 12, notification.lastError().orElse(null));
        SqlValues.setInstant(statement, 13, notification.updatedAt());
    }

    static Alert readAlert(ResultSet row) throws SQLException {
        return new Alert(row.getObject("alert_id", UUID.class), EventId.of(row.getString("event_id")),
                RuleName.of(row.getString("event_name")), TenantId.of(row.getString("tenant")),
                DeviceId.of(row.getString("device_id")), ChannelId.of(row.getString("channel_id")),
                Optional.ofNullable(row.getString("tag")).map(Tag::of), readCondition(row),
                SqlValues.textDecimal(row, "value"), SqlValues.optionalInstant(row, "value_time"),
                SqlValues.instant(row, "fired_at"));
    }

    private static Condition readCondition(ResultSet row) throws SQLException {
        if ("no_data".equals(row.getString("kind"))) {
            return new NoDataCondition(row.getBigDecimal("no_data_minutes"));
        }
        Operator operator = Operator.fromSymbol(row.getString("operator"))
                .orElseThrow(() -> new SQLException("unknown operator stored"));
        return new ThresholdCondition(FieldName.of(row.getString("field")), new Comparison(operator,
                row.getBigDecimal("threshold"), row.getBigDecimal("low"), row.getBigDecimal("high")));
    }

    static Notification readNotification(ResultSet row) throws SQLException {
        UUID alertId = row.getObject("alert_id", UUID.class);
        return new Notification(row.getObject("notification_id", UUID.class), alertId, readMessage(row, alertId),
                NotificationStatus.fromWireName(row.getString("status")), row.getInt("attempts"),
                SqlValues.instant(row, "next_attempt_at"), Optional.ofNullable(row.getString("last_error")),
                SqlValues.instant(row, "updated_at"));
    }

    private static NotificationMessage readMessage(ResultSet row, UUID alertId) throws SQLException {
        String target = row.getString("target");
        if (MailMessage.CHANNEL.equals(row.getString("channel"))) {
            return new MailMessage(EmailAddress.of(target), row.getString("subject"), row.getString("body"));
        }
        return new WebhookMessage(WebhookUrl.of(target), row.getString("body"), row.getString("signature"), alertId);
    }
}
