package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Gateway sub-devices, from the lifecycle topic ({@code v1/gateway/connect} / {@code disconnect}, session ends). */
@ConfigMapping(prefix = "thingbus.subdevices")
public interface SubdeviceConfig {

    /** Whether this instance consumes the lifecycle topic and keeps sub-device links. */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the lifecycle consumer. */
    @WithDefault("device-service-lifecycle")
    String groupId();

    /** Where a new consumer group starts. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Wait before reading a batch again that could not be stored (database down). */
    @WithDefault("2s")
    Duration retryBackoff();
}
