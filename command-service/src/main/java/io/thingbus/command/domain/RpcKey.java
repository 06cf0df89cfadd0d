package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.Objects;

/**
 * Which RPC: a device of a tenant and the RPC's number. Numbers are allocated per device id across all tenants, from 1
 * upwards, and never reused, so one number names one RPC of a device id whoever owns the device; the number is the
 * {@code id} a ThingsBoard gateway receives and echoes in its answer.
 */
public record RpcKey(DeviceKey device, long id) {

    /** @throws IllegalArgumentException when the id is not positive */
    public RpcKey {
        Objects.requireNonNull(device, "device");
        if (id < 1) {
            throw new IllegalArgumentException("an RPC id is a positive number");
        }
    }

    public static RpcKey of(DeviceKey device, long id) {
        return new RpcKey(device, id);
    }

    /** {@code <tenant>/<device>/<id>}; parses back with {@link #parse} (neither tenant nor device id contains '/'). */
    public String asString() {
        return device.asString() + "/" + id;
    }

    /** @throws IllegalArgumentException when {@code value} was not written by {@link #asString()} */
    public static RpcKey parse(String value) {
        int slash = value == null ? -1 : value.lastIndexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an RPC key: " + value);
        }
        try {
            return new RpcKey(DeviceKey.parse(value.substring(0, slash)), Long.parseLong(value.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an RPC key: " + value, e);
        }
    }

    @Override
    public String toString() {
        return asString();
    }
}
