package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Auto-provisioning from the telemetry topic. */
@ConfigMapping(prefix = "thingbus.provisioning")
public interface ProvisioningConfig {

    /** Whether this instance consumes telemetry and registers unknown devices. */
    @WithDefault("true")
    boolean enabled();

    /** Kafka consumer group of the telemetry consumer; instances in one group share the partitions. */
    @WithDefault("device-service")
    String groupId();

    /** Where a new consumer group starts: {@code earliest} registers every device still in the topic's retention. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** How long one poll waits for records. */
    @WithDefault("500ms")
    Duration pollTimeout();

    /** Wait before retrying a batch whose registrations could not be stored (database down). */
    @WithDefault("2s")
    Duration retryBackoff();

    /** How many registered devices this instance remembers to skip the database for their telemetry. */
    @WithDefault("100000")
    int knownDevicesMax();

    /** How long a device stays remembered; bounds how late a device deleted elsewhere is provisioned again. */
    @WithDefault("10m")
    Duration knownDevicesTtl();
}
