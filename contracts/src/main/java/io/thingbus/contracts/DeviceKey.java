package io.thingbus.contracts;

import java.util.Objects;

/**
 * The Kafka record key of everything that concerns one device: {@code <tenant>/<device>}. Keying by device keeps
 * one device's records in order on one partition. Neither part can contain {@code /}, so the key parses back.
 */
public record DeviceKey(TenantId tenant, DeviceId device) {

    public DeviceKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
    }

    public static DeviceKey of(TenantId tenant, DeviceId device) {
        return new DeviceKey(tenant, device);
    }

    /** Parses a key written by {@link #asString()}; throws {@link IllegalArgumentException} on anything else. */
    public static DeviceKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a device key: " + key);
        }
        return new DeviceKey(TenantId.of(key.substring(0, slash)), DeviceId.of(key.substring(slash + 1)));
    }

    public String asString() {
        return tenant.value() + "/" + device.value();
    }

    @Override
    public String toString() {
        return asString();
    }
}
