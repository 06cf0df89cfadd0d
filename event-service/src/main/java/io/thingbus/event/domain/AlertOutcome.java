package io.thingbus.event.domain;

import java.util.List;
import java.util.Objects;

/** An alert with its notifications as they stand now. */
public record AlertOutcome(Alert alert, List<Notification> notifications) {

    public AlertOutcome {
        Objects.requireNonNull(alert, "alert");
        notifications = List.copyOf(notifications);
    }
}
