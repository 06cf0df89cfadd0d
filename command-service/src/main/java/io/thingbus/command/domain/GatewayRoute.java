package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;

/**
 * How to reach a sub-device now: the live gateway session it is connected through. That session may be another
 * tenant's than the device's (the gateway of the user who gave the device away by a claim); the broker delivers a
 * downlink naming the client to it in that case too.
 *
 * @param clientId the MQTT client id of the gateway's session; the downlink goes to this client only
 * @param gatewayId the gateway's own device id
 */
public record GatewayRoute(String clientId, DeviceId gatewayId) {

    public GatewayRoute {
        Text.require(clientId, "client_id");
        Objects.requireNonNull(gatewayId, "gatewayId");
    }
}
