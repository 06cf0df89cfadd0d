package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.Optional;

/**
 * Which gateway, if any, carries a device, as this service learnt it from the lifecycle topic (a port).
 * Implementations are thread-safe; every method throws {@link StoreUnavailableException} when the store fails.
 */
public interface RpcRoutes {

    /**
     * The gateway session the device is connected through now: a sub-device {@code connected} on the gateway's current
     * connection, not followed by a {@code disconnected} or the end of that connection. When several gateways carry
     * the device, the one that announced it most recently (then the smallest client id).
     *
     * <p>{@code device} is the owner's device key. The session found may belong to another tenant: a device claimed
     * away from a gateway's owner stays carried by that owner's gateway, announced for the claimer.
     */
    Optional<GatewayRoute> currentRoute(DeviceKey device);

    /**
     * Whether any gateway ever announced the device (the owner's device key; connected or disconnected): it is a
     * gateway's sub-device.
     */
    boolean isBehindGateway(DeviceKey device);
}
