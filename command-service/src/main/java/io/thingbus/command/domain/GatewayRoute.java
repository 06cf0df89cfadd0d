package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;

/**
 * How to reach a sub-device now: the live gateway session it is connected through.
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
