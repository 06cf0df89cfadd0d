package io.thingbus.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhooks are posted ({@code thingbus.event.webhook.*}, env {@code THINGBUS_EVENT_WEBHOOK_*}). */
@ConfigMapping(prefix = "thingbus.event.webhook")
public interface WebhookConfig {

    /** Longest wait for the TCP/TLS connection to a receiver. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for the receiver's response once connected; then the attempt fails and is retried. */
    @WithDefault("10s")
    Duration timeout();

    /**
     * Whether webhooks to loopback, private, link-local and other non-public addresses are refused (the
     * notification fails at once). Turn on where users are not trusted with the service's network position.
     */
    @WithDefault("false")
    boolean denyPrivateAddresses();
}
