package io.thingbus.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Delivery of mails and webhooks from the notification queue ({@code thingbus.event.notifications.*}, env
 * {@code THINGBUS_EVENT_NOTIFICATIONS_*}). The SMTP server is {@code quarkus.mailer.*}.
 */
@ConfigMapping(prefix = "thingbus.event.notifications")
public interface NotificationConfig {

    /** Threads sending notifications; a slow receiver holds up one of them. */
    @WithDefault("2")
    int workers();

    /** Notifications one worker claims at a time. */
    @WithDefault("5")
    int batchSize();

    /** How often an idle worker looks for due notifications (new alerts wake the workers at once). */
    @WithDefault("5s")
    Duration pollInterval();

    /** Attempts per notification in all, the first included; after the last failed one it is recorded as failed. */
    @WithDefault("8")
    int maxAttempts();

    /** The pause after the first failed attempt; it doubles after each further failure. */
    @WithDefault("10s")
    Duration backoffInitial();

    /** The longest pause between attempts. */
    @WithDefault("15m")
    Duration backoffMax();

    /**
     * How long claimed notifications are reserved for the worker that claimed them; if its instance dies, they are
     * sent again after this. Must exceed the time a batch can take to send.
     */
    @WithDefault("5m")
    Duration lease();
}
