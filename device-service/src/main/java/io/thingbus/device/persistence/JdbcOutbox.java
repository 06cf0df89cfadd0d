package io.thingbus.device.persistence;

import io.thingbus.device.domain.Outbox;
import io.thingbus.device.domain.OutboxMessage;

/** Appends to table {@code outbox} in the caller's transaction, and remembers whether it did. */
final class JdbcOutbox implements Outbox {

    private final Sql sql;
    private boolean appended;

    JdbcOutbox(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void append(OutboxMessage message) {
        sql.update("INSERT INTO outbox (event_id, topic, record_key, record_value, record_type, tenant, device_id, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                message.id(), message.topic(), message.key(), message.value(), message.type(),
                message.tenant().value(), message.device().orElse(null), message.time());
        appended = true;
    }

    boolean appended() {
        return appended;
    }
}
