package io.thingbus.session.domain;

import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.function.Consumer;

/** Where the live sessions are kept (a port). Implementations are thread-safe. */
public interface SessionStore {

    /**
     * The tenant's live sessions with their subscriptions, in no particular order.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<Session> sessionsOf(TenantId tenant);

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. The changes are
     * durable when this method returns.
     *
     * @throws StoreUnavailableException when the store fails (nothing of the transaction is kept)
     */
    void inTransaction(Consumer<SessionChanges> work);
}
