package io.thingbus.device.config;

import io.quarkus.runtime.Startup;
import io.thingbus.device.domain.AdminKey;
import io.thingbus.device.domain.AutoProvisioning;
import io.thingbus.device.domain.Claiming;
import io.thingbus.device.domain.DeviceAttributes;
import io.thingbus.device.domain.DeviceChannels;
import io.thingbus.device.domain.DeviceRegistry;
import io.thingbus.device.domain.KnownDevices;
import io.thingbus.device.domain.Plan;
import io.thingbus.device.domain.RegistryStore;
import io.thingbus.device.domain.SecretGenerator;
import io.thingbus.device.domain.Subdevices;
import io.thingbus.device.domain.UserAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Builds the domain objects (plain Java, made with {@code new}) from configuration and the adapters. The admin key, the
 * default plan, the default claiming duration and the ended-connection retention are checked at start-up: a bad value
 * stops the service with a message naming the setting.
 */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    @Startup
    AdminKey adminKey(AdminConfig config) {
        try {
            return AdminKey.of(config.key());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + ": set thingbus.admin.key (env THINGBUS_ADMIN_KEY) to a "
                    + "secret of at least " + AdminKey.MIN_LENGTH + " characters", e);
        }
    }

    @Produces
    @Singleton
    KnownDevices knownDevices(ProvisioningConfig config, Clock clock) {
        return new KnownDevices(config.knownDevicesMax(), config.knownDevicesTtl(), clock);
    }

    @Produces
    @Singleton
    @Startup
    UserAccounts userAccounts(RegistryStore store, UserConfig config, Clock clock) {
        return new UserAccounts(store, new SecretGenerator(new SecureRandom()), clock, defaultPlan(config));
    }

    @Produces
    @Singleton
    DeviceRegistry deviceRegistry(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        return new DeviceRegistry(store, knownDevices, clock);
    }

    @Produces
    @Singleton
    AutoProvisioning autoProvisioning(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        return new AutoProvisioning(store, knownDevices, clock);
    }

    @Produces
    @Singleton
    @Startup
    Subdevices subdevices(RegistryStore store, KnownDevices knownDevices, Clock clock, SubdeviceConfig config) {
        try {
            return new Subdevices(store, knownDevices, clock, config.endedConnectionRetention());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("thingbus.subdevices.ended-connection-retention (env "
                    + "THINGBUS_SUBDEVICES_ENDED_CONNECTION_RETENTION): " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    DeviceAttributes deviceAttributes(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        return new DeviceAttributes(store, knownDevices, clock);
    }

    @Produces
    @Singleton
    DeviceChannels deviceChannels(RegistryStore store, Clock clock) {
        return new DeviceChannels(store, clock);
    }

    @Produces
    @Singleton
    @Startup
    Claiming claiming(RegistryStore store, KnownDevices knownDevices, Clock clock, ClaimingConfig config) {
        try {
            return new Claiming(store, knownDevices, clock, config.defaultDuration());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("thingbus.claiming.default-duration (env "
                    + "THINGBUS_CLAIMING_DEFAULT_DURATION): " + e.getMessage(), e);
        }
    }

    private static Plan defaultPlan(UserConfig config) {
        try {
            return Plan.of(config.defaultPlan());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("thingbus.users.default-plan: " + e.getMessage(), e);
        }
    }
}
