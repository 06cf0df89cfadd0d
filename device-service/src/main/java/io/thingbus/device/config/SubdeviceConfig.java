package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Gateway sub-devices, from the lifecycle topic ({@code v1/gateway/connect} / {@code disconnect}, session ends): when
 * enabled, this instance consumes the lifecycle topic and keeps sub-device links.
 */
@ConfigMapping(prefix = "thingbus.subdevices")
public interface SubdeviceConfig extends ConsumerLoopConfig {

    /** Kafka consumer group of the lifecycle consumer. */
    @WithDefault("device-service-lifecycle")
    String groupId();

    /**
     * How long the end of a gateway connection is remembered, so that a sub-device connect of that connection arriving
     * after its end is ignored (the broker writes both with different producers). Must be positive.
     */
    @WithDefault("1d")
    Duration endedConnectionRetention();
}
