package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.util.Set;

/**
 * Who owns what a gateway carries. A gateway talks for its sub-devices under its own user's credentials, but another
 * user may have claimed a sub-device away from that user; the device then keeps talking through the same gateway while
 * its data and its commands belong to the claimer.
 *
 * <p>Implementations are thread-safe, hold at most a short lock, and answer from the claims known at the time of the
 * call (a claim made elsewhere reaches them a moment later).
 */
public interface DeviceOwners {

    /**
     * The current owner of the device a gateway of {@code gatewayTenant} names {@code device}: the gateway's own user,
     * unless the device was claimed away from it. Never null.
     */
    TenantId ownerOf(TenantId gatewayTenant, DeviceId device);

    /**
     * The users whose gateways carry {@code device} for its owner: every {@code t} with
     * {@code ownerOf(t, device.device()).equals(device.tenant())} — the owner itself unless it gave the device on, and
     * the users it was claimed away from. Never null; empty when the owner gave the device on.
     */
    Set<TenantId> gatewayTenantsOf(DeviceKey device);
}
