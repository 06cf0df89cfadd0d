package io.thingbus.device.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.device.domain.RegistrationCounts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The counters every consumer shares: devices registered from device records (telemetry, sub-device connects,
 * attributes, claim requests), and the ones not registered because their tenant is no user or the device was claimed
 * away from the tenant. Also makes each consumer's counter of malformed records. Thread-safe.
 */
@ApplicationScoped
public class RegistrationMetrics {

    private final MeterRegistry meters;
    private final Counter registered;
    private final Counter unknownTenant;
    private final Counter claimedAway;

    public RegistrationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.registered = Counter.builder("thingbus.device.provisioned")
                .description("Devices registered automatically from their telemetry or gateway records")
                .register(meters);
        this.unknownTenant = Counter.builder("thingbus.device.provisioning.unknown.tenant")
                .description("Devices not provisioned because their tenant is not a registered user")
                .register(meters);
        this.claimedAway = Counter.builder("thingbus.device.provisioning.claimed.away")
                .description("Devices not provisioned because another user claimed them away from the tenant")
                .register(meters);
    }

    void count(RegistrationCounts counts) {
        registered.increment(counts.registered());
        unknownTenant.increment(counts.unknownTenant());
        claimedAway.increment(counts.claimedAway());
    }

    /** The counter {@code thingbus_device_<what>_malformed_total}. */
    Counter malformed(String what, String description) {
        return Counter.builder("thingbus.device." + what + ".malformed").description(description).register(meters);
    }

    /** A counter {@code thingbus_device_<name>_total}. */
    Counter counter(String name, String description) {
        return Counter.builder("thingbus.device." + name).description(description).register(meters);
    }
}
