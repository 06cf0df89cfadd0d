package io.thingbus.event.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One mail or webhook of an alert, queued durably with the alert and sent from the queue.
 *
 * @param attempts delivery attempts started so far
 * @param nextAttemptAt when a pending notification is due (again)
 * @param lastError why the last attempt failed, if it did
 * @param updatedAt when the status or attempts last changed
 */
public record Notification(UUID id, UUID alertId, NotificationMessage message, NotificationStatus status, int attempts,
        Instant nextAttemptAt, Optional<String> lastError, Instant updatedAt) {

    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A notification that has not been tried yet, due at once. */
    static Notification queued(UUID alertId, NotificationMessage message, Instant now) {
        return new Notification(UUID.randomUUID(), alertId, message, NotificationStatus.PENDING, 0, now,
                Optional.empty(), now);
    }
}
