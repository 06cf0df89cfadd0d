package io.thingbus.session.domain;

import java.util.Objects;

/**
 * A device connected through a gateway, with the gateway session that carries it: one line of
 * {@code GET /session/devices}, seen by the device's owner.
 *
 * @param gatewaySession the gateway's live session (its tenant and client id); the tenant is another user's when the
 *     device was claimed away from that user and still talks through that user's gateway
 * @param broker the broker instance that holds the gateway's connection
 */
public record ConnectedDevice(Subdevice subdevice, SessionKey gatewaySession, String broker) {

    public ConnectedDevice {
        Objects.requireNonNull(subdevice, "subdevice");
        Objects.requireNonNull(gatewaySession, "gatewaySession");
        Text.require(broker, "broker");
    }

    /**
     * Whether the gateway belongs to another user than the device: its session is that user's, so the device's owner
     * is shown only which gateway (its device id) carries the device, nothing of the session itself.
     */
    public boolean viaAnotherUsersGateway() {
        return !subdevice.isOwnedBy(gatewaySession.tenant());
    }
}
