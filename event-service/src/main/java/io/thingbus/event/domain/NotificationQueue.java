package io.thingbus.event.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable queue of notifications (an outbox): filled in the transaction that stores an alert, drained by the
 * notification workers of every instance. Thread-safe.
 *
 * @throws StoreUnavailableException from every method when the database fails
 */
public interface NotificationQueue {

    /**
     * Claims up to {@code limit} pending notifications that are due at {@code now}, oldest due first, counting the
     * attempt that is about to start. A claimed notification is not handed out again for {@code lease}; if its
     * outcome is not {@linkplain #record recorded} by then (the instance died), it is due again.
     */
    List<Notification> claimDue(Instant now, int limit, Duration lease);

    /**
     * Records how an attempt ended. When this settles the last pending notification of its alert, a {@code settled}
     * alert record is queued for the alerts topic in the same transaction.
     */
    void record(UUID notification, DeliveryResult result);
}
