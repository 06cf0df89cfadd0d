package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Attribute requests (answered over the downlink topic) and claim requests, from the device-requests topic: when
 * enabled, this instance answers attribute requests and opens claiming windows.
 */
@ConfigMapping(prefix = "thingbus.device-requests")
public interface DeviceRequestConfig extends ConsumerLoopConfig {

    /** Kafka consumer group of the device-requests consumer. */
    @WithDefault("device-service-requests")
    String groupId();

    /** How long Kafka may take to acknowledge an answer before the batch is read again. */
    @WithDefault("30s")
    Duration deliveryTimeout();
}
