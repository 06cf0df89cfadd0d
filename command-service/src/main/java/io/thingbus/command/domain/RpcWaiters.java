package io.thingbus.command.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls of this instance waiting for an RPC's answer, and the signals that wake them when an answer is stored
 * (by any instance: the store notifies every instance). A signal says only "look again": the waiter re-reads the RPC.
 * Thread-safe.
 */
public final class RpcWaiters {

    private final ConcurrentMap<RpcKey, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();

    /**
     * The signal of the next {@link #signal} for {@code key}: the pending one when there is one, otherwise a new one.
     * Register before reading the RPC, so an answer stored after the read is never missed.
     */
    public CompletableFuture<Void> register(RpcKey key) {
        return signals.compute(key, (k, pending) -> pending == null || pending.isDone()
                ? new CompletableFuture<>() : pending);
    }

    /** Wakes the waiter of {@code key}, if this instance has one; otherwise does nothing. */
    public void signal(RpcKey key) {
        CompletableFuture<Void> pending = signals.remove(key);
        if (pending != null) {
            pending.complete(null);
        }
    }

    /** Drops the waiter of {@code key}: the call no longer waits. */
    public void forget(RpcKey key) {
        signals.remove(key);
    }

    /** How many calls wait now. */
    public int waiting() {
        return signals.size();
    }
}
