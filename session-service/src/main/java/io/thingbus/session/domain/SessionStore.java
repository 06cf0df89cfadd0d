package io.thingbus.session.domain;

import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.function.Consumer;

/** Where the live sessions are kept (a port). Implementations are thread-safe. */
public interface SessionStore {

    /**
     * The tenant's live sessions with their subscriptions and, for gateways, every sub-device they carry on their
     * current connection (each naming its owner, which may be another user: a device claimed away from the tenant),
     * in no particular order. What the tenant may see of them is {@link ActiveSessions}' decision.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<Session> sessionsOf(TenantId tenant);

    /**
     * The devices {@code owner} owns that a gateway carries on its current connection, each with that gateway's
     * session, in no particular order: through the owner's own gateways, and through another user's gateway for a
     * device the owner claimed from that user.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<ConnectedDevice> connectedDevicesOf(TenantId owner);

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. The changes are
     * durable when this method returns.
     *
     * @throws StoreUnavailableException when the store fails (nothing of the transaction is kept)
     */
    void inTransaction(Consumer<SessionChanges> work);
}
