package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one transaction on this service's copy of devices and sessions (a port). Obtained from
 * {@link StateStore#inTransaction}; valid only inside that call and on its thread. Every method throws
 * {@link StoreUnavailableException} when the store fails, which rolls the whole transaction back.
 */
public interface StateChanges {

    /** Stores the device's latest state, replacing what was known. */
    void putDevice(KnownDevice device);

    /** Forgets a deleted device; nothing happens when it is unknown. */
    void removeDevice(DeviceKey key);

    /** The connection id of the client's live session, or empty when it has none. */
    Optional<String> currentConnection(SessionKey key);

    /** Makes {@code session} the client's live session, replacing any other one and dropping its subscriptions. */
    void open(TrackedSession session);

    /** Ends the client's session and drops its subscriptions; nothing happens when it has none. */
    void close(SessionKey key);

    /** Adds downlink filters to the client's live session, replacing the device of filters it already has. */
    void subscribe(SessionKey key, List<DownlinkFilter> filters);

    /** Removes filters from the client's live session; filters it does not have are ignored. */
    void unsubscribe(SessionKey key, List<String> filters);
}
