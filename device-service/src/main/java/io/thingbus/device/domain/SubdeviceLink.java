package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The gateway a sub-device was last announced by (ThingsBoard's {@code v1/gateway/connect}), kept after it
 * disconnects. The gateway usually belongs to the sub-device's owner; a device another user claimed away keeps talking
 * through its former owner's gateway, so the link names the gateway's owner too.
 *
 * @param gatewayTenant the gateway's owner (the tenant of its MQTT session): the sub-device's own tenant, or the user
 *     the sub-device was claimed from
 * @param gatewayId the gateway's own device id
 * @param gatewayClientId the gateway's MQTT client id (whose session end disconnects the sub-device)
 * @param connectionId the gateway connection that announced the sub-device
 * @param connected whether the sub-device is connected through that gateway now
 * @param lastSeenAt when the latest connect or disconnect of the sub-device happened
 */
public record SubdeviceLink(
        TenantId gatewayTenant,
        DeviceId gatewayId,
        String gatewayClientId,
        String connectionId,
        boolean connected,
        Instant lastSeenAt) {

    public SubdeviceLink {
        Objects.requireNonNull(gatewayTenant, "gatewayTenant");
        Objects.requireNonNull(gatewayId, "gatewayId");
        Objects.requireNonNull(gatewayClientId, "gatewayClientId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}
