package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A device that a gateway announced as connected through its session (ThingsBoard's {@code v1/gateway/connect}).
 *
 * @param device the sub-device
 * @param deviceType the type the gateway gave it; empty when it gave none
 * @param gateway the gateway's own device id
 * @param connectedAt when the gateway announced it on its current connection (microsecond precision, as stored)
 */
public record Subdevice(DeviceId device, Optional<String> deviceType, DeviceId gateway, Instant connectedAt) {

    /** @throws IllegalArgumentException when the type is empty, too long or contains NUL */
    public Subdevice {
        Objects.requireNonNull(device, "device_id");
        Objects.requireNonNull(deviceType, "device_type");
        deviceType.ifPresent(type -> Text.require(type, "device_type"));
        Objects.requireNonNull(gateway, "gateway_id");
        connectedAt = Objects.requireNonNull(connectedAt, "connectedAt").truncatedTo(ChronoUnit.MICROS);
    }
}
