package io.thingbus.event.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Sends due notifications from the queue and records each outcome: sent, retried later (with backoff), or failed
 * after the last attempt. Nothing is dropped silently: every notification ends as sent or failed. Delivery is at
 * least once: an instance that dies between sending and recording sends again after the lease. Thread-safe; several
 * workers may dispatch at once.
 */
public final class NotificationDispatch {

    /** What one round did. */
    public record Round(int attempted, int sent, int retried, int failed) {
    }

    private final NotificationQueue queue;
    private final MailSender mail;
    private final WebhookSender webhooks;
    private final RetryPolicy retry;
    private final Duration lease;
    private final int batchSize;
    private final Clock clock;

    public NotificationDispatch(NotificationQueue queue, MailSender mail, WebhookSender webhooks, RetryPolicy retry,
            Duration lease, int batchSize, Clock clock) {
        this.queue = queue;
        this.mail = mail;
        this.webhooks = webhooks;
        this.retry = retry;
        this.lease = lease;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    /**
     * Claims and delivers one batch of due notifications.
     *
     * @throws StoreUnavailableException when the queue cannot be read or written
     */
    public Round dispatchDue() {
        List<Notification> due = queue.claimDue(clock.instant(), batchSize, lease);
        int sent = 0;
        int retried = 0;
        int failed = 0;
        for (Notification notification : due) {
            DeliveryResult result = deliver(notification);
            queue.record(notification.id(), result);
            if (result instanceof DeliveryResult.Sent) {
                sent++;
            } else if (result instanceof DeliveryResult.Retry) {
                retried++;
            } else {
                failed++;
            }
        }
        return new Round(due.size(), sent, retried, failed);
    }

    private DeliveryResult deliver(Notification notification) {
        try {
            if (notification.message() instanceof MailMessage message) {
                mail.send(message);
            } else {
                webhooks.post((WebhookMessage) notification.message());
            }
            return new DeliveryResult.Sent(clock.instant());
        } catch (DeliveryException e) {
            return retry.afterFailure(notification.attempts(), e, clock.instant());
        }
    }
}
