package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Instant;

/**
 * Sub-device links in the current transaction. Each write is atomic on its own, so two gateways announcing the same
 * sub-device at once (records on different partitions) leave the newer announcement in place. A gateway session is
 * named by its owner and MQTT client id: the sub-devices it carries may belong to other users (devices claimed away
 * from the gateway's owner), and a client id is unique only within its tenant.
 */
public interface SubdeviceLinks {

    /**
     * Links the (registered) sub-device {@code device} to the gateway of {@code link}, connected, unless the stored
     * link was seen later than {@code link.lastSeenAt()} (a late record never undoes a newer one).
     *
     * @return whether the link was stored
     */
    boolean connect(DeviceKey device, SubdeviceLink link);

    /**
     * Marks {@code device} disconnected at {@code at}, only if it is linked to the gateway of {@code gatewayTenant}
     * with MQTT client id {@code gatewayClientId} and its link was not seen later than {@code at}.
     *
     * @return whether the link changed
     */
    boolean disconnect(DeviceKey device, TenantId gatewayTenant, String gatewayClientId, Instant at);

    /**
     * Marks disconnected every connected sub-device, of any owner, that the gateway {@code gatewayClientId} of
     * {@code gatewayTenant} announced over connection {@code connectionId}: that gateway session ended.
     *
     * @return how many sub-devices were disconnected
     */
    int disconnectSession(TenantId gatewayTenant, String gatewayClientId, String connectionId, Instant at);
}
