package io.thingbus.event.domain;

import io.thingbus.contracts.AlertRecord;
import java.util.List;
import java.util.Objects;

/** A firing to store: the alert, its queued notifications, and the {@code fired} record to publish. */
public record NewAlert(Alert alert, List<Notification> notifications, AlertRecord record) {

    public NewAlert {
        Objects.requireNonNull(alert, "alert");
        notifications = List.copyOf(notifications);
        Objects.requireNonNull(record, "record");
    }
}
