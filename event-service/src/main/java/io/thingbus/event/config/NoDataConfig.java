package io.thingbus.event.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The check for silent devices ({@code thingbus.event.no-data.*}, env {@code THINGBUS_EVENT_NO_DATA_*}). */
@ConfigMapping(prefix = "thingbus.event.no-data")
public interface NoDataConfig {

    /** How often no-data rules are checked: a silence is noticed at most this much late. */
    @WithDefault("15s")
    Duration checkInterval();

    /** Rules examined per transaction. */
    @WithDefault("100")
    int batchSize();
}
