package io.thingbus.stream.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The relay that publishes channel records from the outbox to Kafka ({@code thingbus.stream.outbox.*}, env
 * {@code THINGBUS_STREAM_OUTBOX_*}). Kafka client settings come from {@code kafka.*} ({@code KAFKA_*}).
 */
@ConfigMapping(prefix = "thingbus.stream.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished records besides right after each commit (the recovery path). */
    @WithDefault("1s")
    Duration interval();

    /** How many records one relay round sends before it waits for Kafka's acknowledgements. */
    @WithDefault("500")
    int batchSize();

    /** How long Kafka may take to acknowledge a record before the round is given up and retried. */
    @WithDefault("30s")
    Duration deliveryTimeout();
}
