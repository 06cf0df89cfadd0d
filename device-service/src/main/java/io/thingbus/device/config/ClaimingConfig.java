package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Claiming devices. */
@ConfigMapping(prefix = "thingbus.claiming")
public interface ClaimingConfig {

    /**
     * How long a claiming window stays open when the claim request gives no {@code durationMs} (ThingsBoard's
     * {@code device.claim.duration}). Must be positive.
     */
    @WithDefault("1m")
    Duration defaultDuration();
}
