package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An {@link RpcStore} in memory with the conditional semantics of the JDBC one. {@code routed} decides which devices
 * are connected through a gateway now (for {@link #claimDispatchable}). Thread-safe (synchronized).
 */
final class InMemoryRpcStore implements RpcStore {

    private final Map<RpcKey, Rpc> rpcs = new LinkedHashMap<>();
    private final Map<RpcKey, Instant> claims = new HashMap<>();
    private final Map<RpcKey, DeviceId> dispatchedTo = new HashMap<>();
    /** One sequence per device id, shared by all tenants, as on the JDBC store. */
    private final Map<DeviceId, Long> sequences = new HashMap<>();
    private final Predicate<DeviceKey> routed;
    private volatile boolean failMarkSent;

    InMemoryRpcStore(Predicate<DeviceKey> routed) {
        this.routed = routed;
    }

    /** Makes {@link #markSent} fail as a database that went away would. */
    void failMarkSent(boolean fail) {
        failMarkSent = fail;
    }

    synchronized Optional<Instant> claim(RpcKey key) {
        return Optional.ofNullable(claims.get(key));
    }

    synchronized int size() {
        return rpcs.size();
    }

    /** What {@link StateChanges#answerTarget} reads on the JDBC store. */
    synchronized Optional<AnswerTarget> answerTarget(RpcKey key) {
        return Optional.ofNullable(rpcs.get(key)).map(rpc -> new AnswerTarget(key,
                Optional.ofNullable(dispatchedTo.get(key)).or(() -> rpc.sentThrough().map(GatewayRoute::gatewayId)),
                rpc.respondedAt().isPresent()));
    }

    /** What {@link StateChanges#recordRpcAnswer} does on the JDBC store. */
    synchronized StateOutcome answer(RpcKey key, JsonNode data, RpcStatus status, Instant at) {
        Rpc rpc = rpcs.get(key);
        if (rpc == null || rpc.respondedAt().isPresent()) {
            return StateOutcome.RPC_UNMATCHED;
        }
        boolean open = rpc.status().isOpen();
        rpcs.put(key, with(rpc, open ? status : rpc.status(), rpc.sentThrough(), rpc.sentAt(), rpc.replyBy(),
                Optional.of(data), Optional.of(at), open ? Optional.of(at) : rpc.completedAt()));
        claims.remove(key);
        return open ? StateOutcome.RPC_ANSWERED : StateOutcome.RPC_ANSWERED_LATE;
    }

    @Override
    public synchronized Rpc create(NewRpc rpc) {
        long id = sequences.merge(rpc.device().device(), 1L, Long::sum);
        Rpc created = new Rpc(RpcKey.of(rpc.device(), id), rpc.method(), rpc.params(), rpc.oneWay(), rpc.timeout(),
                RpcStatus.QUEUED, rpc.createdAt(), rpc.expiresAt(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        rpcs.put(created.key(), created);
        rpc.claimedUntil().ifPresent(until -> claims.put(created.key(), until));
        return created;
    }

    @Override
    public synchronized Optional<Rpc> find(RpcKey key) {
        return Optional.ofNullable(rpcs.get(key));
    }

    @Override
    public synchronized void markDispatching(RpcKey key, GatewayRoute route) {
        Rpc rpc = rpcs.get(key);
        if (rpc != null && rpc.sentAt().isEmpty()) {
            dispatchedTo.put(key, route.gatewayId());
        }
    }

    @Override
    public synchronized void markSent(RpcKey key, GatewayRoute route, Instant sentAt, Optional<Instant> replyBy) {
        if (failMarkSent) {
            throw new StoreUnavailableException("simulated failure", null);
        }
        Rpc rpc = rpcs.get(key);
        if (rpc == null || rpc.sentAt().isPresent()) {
            return;
        }
        boolean queued = rpc.status() == RpcStatus.QUEUED;
        rpcs.put(key, with(rpc, queued ? RpcStatus.SENT : rpc.status(), Optional.of(route), Optional.of(sentAt),
                queued ? replyBy : rpc.replyBy(), rpc.response(), rpc.respondedAt(),
                queued && rpc.oneWay() ? Optional.of(sentAt) : rpc.completedAt()));
        claims.remove(key);
    }

    @Override
    public synchronized void releaseClaim(RpcKey key) {
        claims.remove(key);
    }

    @Override
    public synchronized boolean markTimedOut(RpcKey key, Instant now) {
        Rpc rpc = rpcs.get(key);
        if (rpc == null || rpc.status() != RpcStatus.SENT || rpc.oneWay()) {
            return false;
        }
        finish(rpc, RpcStatus.TIMED_OUT, now);
        return true;
    }

    @Override
    public synchronized List<Rpc> claimDispatchable(Instant now, Instant claimUntil, int limit) {
        List<Rpc> due = rpcs.values().stream()
                .filter(r -> r.status() == RpcStatus.QUEUED && r.expiresAt().isAfter(now) && unclaimed(r.key(), now))
                .filter(r -> routed.test(r.key().device()))
                .sorted(Comparator.comparing(Rpc::createdAt).thenComparing(r -> r.key().id()))
                .limit(limit)
                .toList();
        due.forEach(r -> claims.put(r.key(), claimUntil));
        return due;
    }

    @Override
    public synchronized int expireQueued(Instant now) {
        List<Rpc> expired = rpcs.values().stream()
                .filter(r -> r.status() == RpcStatus.QUEUED && !r.expiresAt().isAfter(now) && unclaimed(r.key(), now))
                .toList();
        expired.forEach(r -> finish(r, RpcStatus.EXPIRED, now));
        return expired.size();
    }

    @Override
    public synchronized int timeOutOverdue(Instant now) {
        List<Rpc> overdue = rpcs.values().stream()
                .filter(r -> r.status() == RpcStatus.SENT && !r.oneWay()
                        && r.replyBy().filter(t -> !t.isAfter(now)).isPresent())
                .toList();
        overdue.forEach(r -> finish(r, RpcStatus.TIMED_OUT, now));
        return overdue.size();
    }

    @Override
    public synchronized int deleteCompletedBefore(Instant cutoff) {
        List<RpcKey> old = new ArrayList<>();
        rpcs.forEach((key, rpc) -> rpc.completedAt().filter(t -> t.isBefore(cutoff)).ifPresent(t -> old.add(key)));
        old.forEach(rpcs::remove);
        return old.size();
    }

    private boolean unclaimed(RpcKey key, Instant now) {
        Instant claim = claims.get(key);
        return claim == null || !claim.isAfter(now);
    }

    private void finish(Rpc rpc, RpcStatus status, Instant at) {
        rpcs.put(rpc.key(), with(rpc, status, rpc.sentThrough(), rpc.sentAt(), rpc.replyBy(), rpc.response(),
                rpc.respondedAt(), Optional.of(at)));
    }

    private static Rpc with(Rpc rpc, RpcStatus status, Optional<GatewayRoute> route, Optional<Instant> sentAt,
            Optional<Instant> replyBy, Optional<JsonNode> response, Optional<Instant> respondedAt,
            Optional<Instant> completedAt) {
        return new Rpc(rpc.key(), rpc.method(), rpc.params(), rpc.oneWay(), rpc.timeout(), status, rpc.createdAt(),
                rpc.expiresAt(), route, sentAt, replyBy, response, respondedAt, completedAt);
    }
}
