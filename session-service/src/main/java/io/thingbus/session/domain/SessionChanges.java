package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one transaction on the session store (a port). Obtained from {@link SessionStore#inTransaction};
 * valid only inside that call and on its thread. Every method throws {@link StoreUnavailableException} when the store
 * fails, which rolls the whole transaction back.
 */
public interface SessionChanges {

    /** The connection id of the client's live session, or empty when it has none. */
    Optional<String> currentConnection(SessionKey key);

    /**
     * Makes {@code session} the client's live session, replacing any other one and dropping its subscriptions and
     * sub-devices.
     */
    void open(Session session);

    /** Ends the client's session and drops its subscriptions and sub-devices; nothing happens when it has none. */
    void close(SessionKey key);

    /**
     * Adds a sub-device to the client's live session, whose connection is {@code connectionId}. When the session
     * already carries a device of that id for the same owner on that connection, its {@code connectedAt} stays, its
     * gateway id is replaced, and its type is replaced when the new one is present. When it carries it for another
     * owner (the device was claimed meanwhile), the new one replaces it entirely: a new connection of the new owner's
     * device.
     */
    void connectSubdevice(SessionKey key, String connectionId, Subdevice subdevice);

    /**
     * Removes the sub-device of that id from the client's live session, whoever owns it; nothing happens when it does
     * not carry it.
     */
    void disconnectSubdevice(SessionKey key, DeviceId device);

    /** Adds the filters to the client's live session, replacing the qos and device of filters it already has. */
    void subscribe(SessionKey key, List<Subscription> subscriptions);

    /** Removes the filters from the client's live session; filters it does not have are ignored. */
    void unsubscribe(SessionKey key, List<String> filters);
}
