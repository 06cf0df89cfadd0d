package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;

/** Claiming windows and the devices claimed away from their owners, in the current transaction. */
public interface Claims {

    /**
     * Opens the window of its (registered) device, replacing an older one; a window opened later than {@code window}
     * stays as it is.
     *
     * @return whether the window was stored
     */
    boolean open(ClaimWindow window);

    /**
     * The windows, of any tenant but {@code claimer}, for a device with id {@code device} whose secret hash is
     * {@code secretHash} and that are still open at {@code now}; locked until the transaction ends (a window another
     * transaction closes meanwhile is not returned).
     */
    List<ClaimWindow> openWindows(DeviceId device, SecretHash secretHash, Instant now, TenantId claimer);

    /** Remembers that {@code claimer} claimed {@code formerDevice} away from its tenant. */
    void markClaimedAway(DeviceKey formerDevice, TenantId claimer, Instant at);

    /**
     * Forgets that {@code device} was claimed away from its tenant (the tenant has it again).
     *
     * @return whether it was marked claimed away until now
     */
    boolean unmarkClaimedAway(DeviceKey device);

    /**
     * Forgets every claim by which the tenant of {@code claimedDevice} took a device with that id away from another
     * user (the claimer deleted the device): removes the marks whose claimer is that tenant, whoever they were taken
     * from.
     *
     * @return the former device keys that are no longer marked claimed away, ordered by tenant; empty when none
     */
    List<DeviceKey> releaseClaimsOn(DeviceKey claimedDevice);

    /** Whether {@code device} was claimed away from its tenant by another user. */
    boolean isClaimedAway(DeviceKey device);
}
