package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.List;

/** The live sessions this service learnt from the lifecycle topic (a port). Implementations are thread-safe. */
public interface SessionDirectory {

    /**
     * The downlink subscriptions of the tenant's live sessions that name the device or cover every device of a token
     * ({@code *}); the token check is the caller's ({@link SubscriptionCoverage}). Never another tenant's.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<DownlinkSubscription> candidatesFor(DeviceKey device);
}
