package io.thingbus.command.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where RPCs are kept (a port). Every change of status is conditional on the current one, so instances that race
 * (a waiting call and a sweeper, an answer and a timeout) never overwrite each other's outcome. Implementations are
 * thread-safe; every method throws {@link StoreUnavailableException} when the store fails, and then changed nothing.
 */
public interface RpcStore {

    /**
     * Stores a new {@code queued} RPC under the next number of its device id and returns it. Numbers count per device
     * id across all tenants (1, 2, …; never reused), so two tenants never have an RPC with the same number for the
     * same device id: a gateway that carried the device for one tenant and now for another (a claim) cannot answer
     * one tenant's RPC as the other's.
     */
    Rpc create(NewRpc rpc);

    /** The RPC with that key; empty when the tenant has none. */
    Optional<Rpc> find(RpcKey key);

    /**
     * Records that the RPC is about to be handed to the gateway of {@code route}: called before its downlink is
     * written, so that gateway's answer counts even when it comes before {@link #markSent}, and only that gateway's
     * (see {@link AnswerTarget}). A later attempt through another gateway replaces it. Changes nothing once the RPC
     * was recorded as sent.
     */
    void markDispatching(RpcKey key, GatewayRoute route);

    /**
     * Records that Kafka acknowledged the RPC's downlink: the gateway and the time it was sent, {@code queued} →
     * {@code sent} (a one-way RPC is then complete), and releases the claim. When an answer came first, only the
     * gateway and the time are recorded; the status stays. Changes nothing when it was recorded as sent before.
     *
     * @param replyBy when a two-way RPC times out; empty for a one-way RPC
     */
    void markSent(RpcKey key, GatewayRoute route, Instant sentAt, Optional<Instant> replyBy);

    /** Lets any dispatcher take the queued RPC again, at once. */
    void releaseClaim(RpcKey key);

    /**
     * {@code sent} → {@code timed_out} for a two-way RPC, at {@code now}.
     *
     * @return whether it changed (false: it was answered, or is one-way, or not sent)
     */
    boolean markTimedOut(RpcKey key, Instant now);

    /**
     * Claims up to {@code limit} queued RPCs that are not expired at {@code now}, not claimed by another dispatcher,
     * and whose device is connected through a gateway now; they stay claimed until {@code claimUntil}. Oldest first,
     * in number order per device.
     */
    List<Rpc> claimDispatchable(Instant now, Instant claimUntil, int limit);

    /** {@code queued} → {@code expired} for unclaimed RPCs whose expiry is at or before {@code now}; how many. */
    int expireQueued(Instant now);

    /** {@code sent} → {@code timed_out} for two-way RPCs whose reply-by is at or before {@code now}; how many. */
    int timeOutOverdue(Instant now);

    /** Deletes RPCs that completed before {@code cutoff}; how many. */
    int deleteCompletedBefore(Instant cutoff);
}
