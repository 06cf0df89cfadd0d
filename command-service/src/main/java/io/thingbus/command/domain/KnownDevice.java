package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as this service knows it from the registry's topic.
 *
 * @param tokenHash the hash of the device token that starts its ThingScale topics; empty when the registry names none
 */
public record KnownDevice(DeviceKey key, Optional<SecretHash> tokenHash) {

    public KnownDevice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    public static KnownDevice of(DeviceRecord record) {
        return new KnownDevice(record.key(), Optional.ofNullable(record.tokenHash()));
    }
}
