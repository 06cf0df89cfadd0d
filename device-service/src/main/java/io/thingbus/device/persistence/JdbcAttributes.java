package io.thingbus.device.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.device.domain.AttributeKey;
import io.thingbus.device.domain.AttributePatch;
import io.thingbus.device.domain.AttributeScope;
import io.thingbus.device.domain.Attributes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Attributes in table {@code device_attributes}, one row per key; values are stored as their JSON text. */
final class JdbcAttributes implements Attributes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BY_DEVICE_AND_SCOPE = " WHERE user_id = ? AND device_id = ? AND scope = ?";

    private final Sql sql;

    JdbcAttributes(Sql sql) {
        this.sql = sql;
    }

    @Override
    public SortedMap<AttributeKey, JsonNode> read(DeviceKey device, AttributeScope scope) {
        List<Map.Entry<AttributeKey, JsonNode>> rows = sql.query("SELECT attr_key, value FROM device_attributes"
                        + BY_DEVICE_AND_SCOPE, JdbcAttributes::read,
                device.tenant().value(), device.device().value(), scope.wireName());
        SortedMap<AttributeKey, JsonNode> values = new TreeMap<>();
        rows.forEach(row -> values.put(row.getKey(), row.getValue()));
        return values;
    }

    @Override
    public void apply(DeviceKey device, AttributeScope scope, AttributePatch patch, Instant now) {
        patch.changes().forEach((key, value) -> {
            if (value.isNull()) {
                sql.update("DELETE FROM device_attributes" + BY_DEVICE_AND_SCOPE + " AND attr_key = ?",
                        device.tenant().value(), device.device().value(), scope.wireName(), key.value());
            } else {
                sql.update("INSERT INTO device_attributes (user_id, device_id, scope, attr_key, value, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, device_id, scope, attr_key) "
                                + "DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at",
                        device.tenant().value(), device.device().value(), scope.wireName(), key.value(),
                        text(value), now);
            }
        });
    }

    private static Map.Entry<AttributeKey, JsonNode> read(ResultSet row) throws SQLException {
        try {
            return Map.entry(AttributeKey.of(row.getString("attr_key")), JSON.readTree(row.getString("value")));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored attribute value is not JSON", e);
        }
    }

    private static String text(JsonNode value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
