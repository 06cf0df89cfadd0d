package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Auto-provisioning from the telemetry topic: when enabled, this instance consumes telemetry and registers unknown
 * devices ({@code earliest}, the default start, registers every device still in the topic's retention).
 */
@ConfigMapping(prefix = "thingbus.provisioning")
public interface ProvisioningConfig extends ConsumerLoopConfig {

    /** Kafka consumer group of the telemetry consumer; instances in one group share the partitions. */
    @WithDefault("device-service")
    String groupId();

    /** How many registered devices this instance remembers to skip the database for their telemetry. */
    @WithDefault("100000")
    int knownDevicesMax();

    /** How long a device stays remembered; bounds how late a device deleted elsewhere is provisioned again. */
    @WithDefault("10m")
    Duration knownDevicesTtl();
}
