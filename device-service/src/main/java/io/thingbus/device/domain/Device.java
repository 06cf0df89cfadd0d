package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered device.
 *
 * @param token the device token assigned to the device; empty when it was revoked or the user had none
 * @param version starts at 1 and grows with every change: the ETag of optimistic concurrency
 * @param gateway the gateway the device was last announced by, when it is a gateway's sub-device; connectivity, not
 *     registry data: it changes no version and is not part of the device record on Kafka
 */
public record Device(
        DeviceKey key,
        DeviceName name,
        Optional<DeviceToken> token,
        Provisioning provisioning,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Optional<SubdeviceLink> gateway) {

    public Device {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(gateway, "gateway");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A device as stored, without a gateway link. */
    public Device(DeviceKey key, DeviceName name, Optional<DeviceToken> token, Provisioning provisioning,
                  Instant createdAt, Instant updatedAt, long version) {
        this(key, name, token, provisioning, createdAt, updatedAt, version, Optional.empty());
    }

    public static Device registered(DeviceKey key, DeviceName name, Optional<DeviceToken> token,
                                    Provisioning provisioning, Instant now) {
        return new Device(key, name, token, provisioning, now, now, 1);
    }

    /** This device with its gateway link. */
    public Device withGateway(Optional<SubdeviceLink> link) {
        return new Device(key, name, token, provisioning, createdAt, updatedAt, version, link);
    }

    /** Where the device's data is stored: its default channel. */
    public ChannelId channel() {
        return ChannelId.defaultFor(key.tenant(), key.device());
    }

    public Device changed(DeviceName newName, Optional<DeviceToken> newToken, Instant now) {
        return new Device(key, newName, newToken, provisioning, createdAt, now, version + 1, gateway);
    }

    /** The device's state as published on the devices topic. */
    public DeviceRecord toRecord() {
        return new DeviceRecord(key.tenant(), key.device(), name.value(), channel(), provisioning.wireName(),
                createdAt, updatedAt, token.map(DeviceToken::hash).orElse(null));
    }
}
