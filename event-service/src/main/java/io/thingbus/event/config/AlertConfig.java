package io.thingbus.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Alert records on Kafka and alert history ({@code thingbus.event.alerts.*}, env {@code THINGBUS_EVENT_ALERTS_*}).
 */
@ConfigMapping(prefix = "thingbus.event.alerts")
public interface AlertConfig {

    /** How often the outbox of alert records is published when nothing wakes the relay (and after a failure). */
    @WithDefault("5s")
    Duration relayInterval();

    /** Records published per round. */
    @WithDefault("100")
    int relayBatchSize();

    /** How long the producer tries to deliver a record before the round fails (and is retried). */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** How long fired alerts are kept (and shown by {@code GET /event/{id}}); settled ones are deleted after. */
    @WithDefault("30d")
    Duration retention();

    /** How many of the latest alerts {@code GET /event/{event_id}} shows. */
    @WithDefault("20")
    int recentLimit();
}
