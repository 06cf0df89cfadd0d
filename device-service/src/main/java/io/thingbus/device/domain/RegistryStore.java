package io.thingbus.device.domain;

import java.util.function.Function;

/** The registry's storage, entered one transaction at a time. */
public interface RegistryStore {

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws (and rethrows).
     * Outbox messages appended by {@code work} become visible to the relay only with the commit, together with the
     * change they announce. The transaction view must not escape {@code work}. Safe to call from any thread; each
     * call gets its own transaction.
     *
     * @throws RuntimeException what {@code work} threw, or an unchecked storage failure
     */
    <T> T inTransaction(Function<RegistryTransaction, T> work);
}
