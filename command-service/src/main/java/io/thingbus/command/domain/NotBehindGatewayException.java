package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;

/**
 * An RPC was asked for a device that no gateway ever announced: RPC reaches only sub-devices of a ThingsBoard gateway
 * ({@code v1/gateway/rpc}) so far; plain ThingScale devices have no RPC topic.
 */
public final class NotBehindGatewayException extends CommandException {

    public NotBehindGatewayException(DeviceKey device) {
        super("device " + device + " is not connected through a gateway");
    }
}
