package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A device that a gateway announced as connected through its session (ThingsBoard's {@code v1/gateway/connect}).
 *
 * <p>The device usually belongs to the gateway's own user. A device another user claimed away keeps talking through
 * its former owner's gateway: it is then carried by that gateway's session but belongs to {@code owner}, the claimer,
 * and only the owner sees it.
 *
 * @param owner the user the device belongs to (the broker's {@code device_tenant}, or the gateway's tenant)
 * @param device the sub-device, as the gateway names it
 * @param deviceType the type the gateway gave it; empty when it gave none
 * @param gateway the gateway's own device id
 * @param connectedAt when the gateway announced it on its current connection (microsecond precision, as stored)
 */
public record Subdevice(TenantId owner, DeviceId device, Optional<String> deviceType, DeviceId gateway,
        Instant connectedAt) {

    /** @throws IllegalArgumentException when the type is empty, too long or contains NUL */
    public Subdevice {
        Objects.requireNonNull(owner, "device_tenant");
        Objects.requireNonNull(device, "device_id");
        Objects.requireNonNull(deviceType, "device_type");
        deviceType.ifPresent(type -> Text.require(type, "device_type"));
        Objects.requireNonNull(gateway, "gateway_id");
        connectedAt = Objects.requireNonNull(connectedAt, "connectedAt").truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether the device belongs to {@code tenant}. */
    public boolean isOwnedBy(TenantId tenant) {
        return owner.equals(tenant);
    }
}
