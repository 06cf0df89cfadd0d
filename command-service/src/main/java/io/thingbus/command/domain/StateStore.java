package io.thingbus.command.domain;

import java.util.function.Consumer;

/** This service's copy of the registry's devices and the broker's sessions (a port). Thread-safe. */
public interface StateStore {

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws. The changes are
     * durable when this method returns.
     *
     * @throws StoreUnavailableException when the store fails (nothing of the transaction is kept)
     */
    void inTransaction(Consumer<StateChanges> work);
}
