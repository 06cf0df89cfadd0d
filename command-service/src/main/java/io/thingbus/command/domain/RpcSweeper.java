package io.thingbus.command.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The background work on stored RPCs, safe to run on every instance at once: expires queued RPCs, times out sent
 * two-way RPCs nobody answered (also those whose waiting call is gone), sends queued RPCs whose device a gateway now
 * carries (each claimed for the dispatch lease, so two instances never send the same RPC at once), and deletes
 * finished RPCs after the retention (at most once a minute). Not thread-safe: one thread per instance runs it.
 */
public final class RpcSweeper {

    static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final RpcStore store;
    private final RpcRoutes routes;
    private final RpcSender sender;
    private final Clock clock;
    private final RpcSettings settings;
    private final RpcObserver observer;
    private Instant lastCleanup;

    public RpcSweeper(RpcStore store, RpcRoutes routes, RpcSender sender, Clock clock, RpcSettings settings,
            RpcObserver observer) {
        this.store = store;
        this.routes = routes;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.observer = observer;
    }

    /**
     * One pass.
     *
     * @throws StoreUnavailableException when the store fails (what was done before stays done)
     */
    public SweepReport sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int expired = store.expireQueued(now);
        observer.finished(RpcStatus.EXPIRED, expired);
        int timedOut = store.timeOutOverdue(now);
        observer.finished(RpcStatus.TIMED_OUT, timedOut);
        List<Rpc> due = store.claimDispatchable(now, now.plus(settings.dispatchLease()),
                settings.dispatchBatchSize());
        int dispatched = 0;
        int failed = 0;
        for (Rpc rpc : due) {
            Optional<GatewayRoute> route = routes.currentRoute(rpc.key().device());
            if (route.isEmpty()) {
                store.releaseClaim(rpc.key());
            } else if (sender.send(rpc, route.get())) {
                dispatched++;
            } else {
                failed++;
            }
        }
        return new SweepReport(expired, timedOut, due.size(), dispatched, failed, cleanUp(now));
    }

    private int cleanUp(Instant now) {
        if (lastCleanup != null && Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return 0;
        }
        lastCleanup = now;
        return store.deleteCompletedBefore(now.minus(settings.retention()));
    }
}
