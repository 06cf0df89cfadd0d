package io.thingbus.event.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.Actions;
import io.thingbus.event.domain.Comparison;
import io.thingbus.event.domain.Condition;
import io.thingbus.event.domain.EmailAddress;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.FieldName;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.Operator;
import io.thingbus.event.domain.Rearm;
import io.thingbus.event.domain.Rule;
import io.thingbus.event.domain.RuleDefinition;
import io.thingbus.event.domain.RuleName;
import io.thingbus.event.domain.RuleState;
import io.thingbus.event.domain.StreamPosition;
import io.thingbus.event.domain.Tag;
import io.thingbus.event.domain.ThresholdCondition;
import io.thingbus.event.domain.WatchedRule;
import io.thingbus.event.domain.WebhookSecret;
import io.thingbus.event.domain.WebhookUrl;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** Maps rows of table {@code rules} to rules with their state, and back. */
final class RuleRows {

    static final String COLUMNS = "event_id, tenant, name, channel_id, device_id, tag, kind, field, operator, threshold, "
            + "low, high, no_data_minutes, hysteresis, min_interval_ms, emails, webhook_url, webhook_secret, enabled, "
            + "version, created_at, updated_at, armed, active_since, last_value, last_point_at, last_fired_at, "
            + "position_partition, position_offset";

    /** The definition columns in the order {@link #bindDefinition} binds them. */
    static final String DEFINITION_COLUMNS = "name, channel_id, device_id, tag, kind, field, operator, threshold, low, "
            + "high, no_data_minutes, no_data_ms, hysteresis, min_interval_ms, emails, webhook_url, enabled, version, "
            + "updated_at";

    /** The state columns a new definition resets, in the order {@link #bindFreshState} binds them. */
    static final String FRESH_STATE_COLUMNS = "armed, active_since, last_value, last_point_at, last_fired_at";

    private RuleRows() {
    }

    static WatchedRule read(ResultSet row) throws SQLException {
        EventId id = EventId.of(row.getString("event_id"));
        TenantId tenant = TenantId.of(row.getString("tenant"));
        Rule rule = new Rule(id, tenant, DeviceId.of(row.getString("device_id")), definition(row),
                new WebhookSecret(row.getString("webhook_secret")), row.getLong("version"),
                SqlValues.instant(row, "created_at"), SqlValues.instant(row, "updated_at"));
        return new WatchedRule(rule, state(row));
    }

    private static RuleDefinition definition(ResultSet row) throws SQLException {
        String tag = row.getString("tag");
        String webhook = row.getString("webhook_url");
        Actions actions = new Actions(
                Arrays.stream((String[]) row.getArray("emails").getArray()).map(EmailAddress::of).toList(),
                Optional.ofNullable(webhook).map(WebhookUrl::of));
        Rearm rearm = new Rearm(row.getBigDecimal("hysteresis"), Duration.ofMillis(row.getLong("min_interval_ms")));
        return new RuleDefinition(RuleName.of(row.getString("name")), ChannelId.of(row.getString("channel_id")),
                Optional.ofNullable(tag).map(Tag::of), condition(row), rearm, actions, row.getBoolean("enabled"));
    }

    private static Condition condition(ResultSet row) throws SQLException {
        if ("no_data".equals(row.getString("kind"))) {
            return new NoDataCondition(row.getBigDecimal("no_data_minutes"));
        }
        Operator operator = Operator.fromSymbol(row.getString("operator"))
                .orElseThrow(() -> new SQLException("unknown operator stored"));
        Comparison comparison = new Comparison(operator, row.getBigDecimal("threshold"), row.getBigDecimal("low"),
                row.getBigDecimal("high"));
        return new ThresholdCondition(FieldName.of(row.getString("field")), comparison);
    }

    private static RuleState state(ResultSet row) throws SQLException {
        int partition = row.getInt("position_partition");
        Optional<StreamPosition> position = row.wasNull() ? Optional.empty()
                : Optional.of(new StreamPosition(partition, row.getLong("position_offset")));
        return new RuleState(row.getBoolean("armed"), SqlValues.instant(row, "active_since"),
                SqlValues.textDecimal(row, "last_value"), SqlValues.optionalInstant(row, "last_point_at"),
                SqlValues.optionalInstant(row, "last_fired_at"), position);
    }

    /** Binds {@link #DEFINITION_COLUMNS} from {@code first} on; returns the next free index. */
    static int bindDefinition(Connection connection, PreparedStatement statement, int first, Rule rule)
            throws SQLException {
        RuleDefinition definition = rule.definition();
        int i = first;
        statement.setString(i++, definition.name().value());
        statement.setString(i++, definition.channel().value());
        statement.setString(i++, rule.device().value());
        SqlValues.setText(statement, i++, definition.tag().map(Tag::value).orElse(null));
        i = bindCondition(statement, i, definition.condition());
        statement.setBigDecimal(i++, definition.rearm().hysteresis());
        statement.setLong(i++, definition.rearm().minInterval().toMillis());
        statement.setArray(i++, emails(connection, definition.actions()));
        SqlValues.setText(statement, i++, definition.actions().webhook().map(WebhookUrl::toString).orElse(null));
        statement.setBoolean(i++, definition.enabled());
        statement.setLong(i++, rule.version());
        SqlValues.setInstant(statement, i++, rule.updatedAt());
        return i;
    }

    private static int bindCondition(PreparedStatement statement, int first, Condition condition) throws SQLException {
        int i = first;
        if (condition instanceof ThresholdCondition threshold) {
            Comparison comparison = threshold.comparison();
            statement.setString(i++, "threshold");
            statement.setString(i++, threshold.field().value());
            statement.setString(i++, comparison.operator().symbol());
            SqlValues.setDecimal(statement, i++, comparison.threshold());
            SqlValues.setDecimal(statement, i++, comparison.low());
            SqlValues.setDecimal(statement, i++, comparison.high());
            SqlValues.setDecimal(statement, i++, null);
            statement.setNull(i++, Types.BIGINT);
        } else {
            NoDataCondition noData = (NoDataCondition) condition;
            statement.setString(i++, "no_data");
            for (int skipped = 0; skipped < 5; skipped++) {
                statement.setNull(i++, skipped < 2 ? Types.VARCHAR : Types.NUMERIC);
            }
            statement.setBigDecimal(i++, noData.minutes());
            statement.setLong(i++, noData.silence().toMillis());
        }
        return i;
    }

    /** Binds {@link #FRESH_STATE_COLUMNS} from {@code first} on; returns the next free index. */
    static int bindFreshState(PreparedStatement statement, int first, RuleState state) throws SQLException {
        int i = first;
        statement.setBoolean(i++, state.armed());
        SqlValues.setInstant(statement, i++, state.activeSince());
        SqlValues.setText(statement, i++, state.lastValue().map(BigDecimal::toString).orElse(null));
        SqlValues.setInstant(statement, i++, state.lastPointAt());
        SqlValues.setInstant(statement, i++, state.lastFiredAt());
        return i;
    }

    private static Array emails(Connection connection, Actions actions) throws SQLException {
        return connection.createArrayOf("text", actions.emails().stream().map(EmailAddress::value).toArray());
    }
}
