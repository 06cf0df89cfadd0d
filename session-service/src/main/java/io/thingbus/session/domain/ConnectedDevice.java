package io.thingbus.session.domain;

import java.util.Objects;

/**
 * A device connected through a gateway, with the gateway session that carries it: one line of
 * {@code GET /session/devices}.
 *
 * @param gatewaySession the gateway's live session (its client id and broker instance)
 */
public record ConnectedDevice(Subdevice subdevice, SessionKey gatewaySession, String broker) {

    public ConnectedDevice {
        Objects.requireNonNull(subdevice, "subdevice");
        Objects.requireNonNull(gatewaySession, "gatewaySession");
        Text.require(broker, "broker");
    }
}
