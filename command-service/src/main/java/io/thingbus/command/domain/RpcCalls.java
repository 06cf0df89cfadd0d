package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Server-side RPC as the REST API offers it: store the RPC, send it through the gateway that carries the device now
 * (or hold it as {@code queued} while none does), and for a two-way RPC wait for the answer.
 *
 * <p>Waiting does not hold a thread: a stored answer signals {@link RpcWaiters} (from any instance, through the
 * store's notifications) and the RPC is also re-read every {@code answerPollInterval}, so a missed notification
 * costs latency, never the answer. Re-reads run on {@code executor}. Thread-safe.
 */
public final class RpcCalls {

    private final DeviceDirectory devices;
    private final RpcRoutes routes;
    private final RpcStore store;
    private final RpcSender sender;
    private final RpcWaiters waiters;
    private final Clock clock;
    private final RpcSettings settings;
    private final Executor executor;
    private final RpcObserver observer;

    public RpcCalls(DeviceDirectory devices, RpcRoutes routes, RpcStore store, RpcSender sender, RpcWaiters waiters,
            Clock clock, RpcSettings settings, Executor executor, RpcObserver observer) {
        this.devices = devices;
        this.routes = routes;
        this.store = store;
        this.sender = sender;
        this.waiters = waiters;
        this.clock = clock;
        this.settings = settings;
        this.executor = executor;
        this.observer = observer;
    }

    /**
     * Stores and sends the RPC. The checks, the store and the send run on the calling thread before this method
     * returns; the stage then completes with the RPC as it stands:
     * <ul>
     *   <li>{@code queued}: no gateway carries the device now (or Kafka did not acknowledge the send): it is sent when
     *       a gateway announces the device, or expires;</li>
     *   <li>{@code sent}: a one-way RPC that Kafka acknowledged;</li>
     *   <li>{@code succeeded} / {@code failed}: a two-way RPC the device answered;</li>
     *   <li>{@code timed_out}: a two-way RPC without an answer before its timeout.</li>
     * </ul>
     * The stage completes exceptionally with {@link StoreUnavailableException} (unwrapped) when the store fails
     * while waiting.
     *
     * @throws InvalidRpcException when the timeout or expiry is out of bounds
     * @throws PayloadTooLargeException when the gateway's message would exceed the limit (nothing is stored)
     * @throws DeviceNotFoundException when the tenant has no such device
     * @throws NotBehindGatewayException when no gateway ever announced the device
     * @throws StoreUnavailableException when the store fails before the RPC is sent
     */
    public CompletionStage<Rpc> call(RpcRequest request) {
        Duration timeout = settings.timeout(request.timeout());
        Duration expiry = settings.expiry(request.expiry());
        checkSize(request);
        DeviceKey device = request.device();
        devices.find(device).orElseThrow(() -> new DeviceNotFoundException(device.asString()));
        Optional<GatewayRoute> route = routes.currentRoute(device);
        if (route.isEmpty() && !routes.isBehindGateway(device)) {
            throw new NotBehindGatewayException(device);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Rpc rpc = store.create(new NewRpc(device, request.method(), request.params(), request.oneWay(), timeout,
                now, now.plus(expiry), route.map(r -> now.plus(settings.dispatchLease()))));
        return route.map(r -> sendNow(rpc, r)).orElseGet(() -> CompletableFuture.completedFuture(rpc));
    }

    /**
     * The RPC with that key.
     *
     * @throws RpcNotFoundException when the tenant has none
     * @throws StoreUnavailableException when the store cannot be read
     */
    public Rpc find(RpcKey key) {
        return store.find(key).orElseThrow(() -> new RpcNotFoundException(key.asString()));
    }

    private void checkSize(RpcRequest request) {
        int size = RpcPayload.forGateway(request.device().device(), Long.MAX_VALUE, request.method(),
                request.params()).length;
        if (size > settings.maxPayloadBytes()) {
            throw new PayloadTooLargeException(size, settings.maxPayloadBytes());
        }
    }

    private CompletionStage<Rpc> sendNow(Rpc rpc, GatewayRoute route) {
        RpcKey key = rpc.key();
        CompletableFuture<Void> signal = rpc.oneWay() ? null : waiters.register(key);
        boolean sent;
        try {
            sent = sender.send(rpc, route);
        } catch (RuntimeException e) {
            waiters.forget(key);
            throw e;
        }
        Rpc current = find(key);
        if (!sent || rpc.oneWay() || !current.status().isOpen()) {
            waiters.forget(key);
            return CompletableFuture.completedFuture(current);
        }
        Instant deadline = current.replyBy().orElseGet(() -> clock.instant().plus(rpc.timeout()));
        CompletableFuture<Rpc> outcome = new CompletableFuture<>();
        waitForAnswer(key, deadline, signal, outcome);
        return outcome;
    }

    private void waitForAnswer(RpcKey key, Instant deadline, CompletableFuture<Void> signal,
            CompletableFuture<Rpc> outcome) {
        Duration left = Duration.between(clock.instant(), deadline);
        long waitMillis = Math.max(0, Math.min(left.toMillis(), settings.answerPollInterval().toMillis()));
        signal.completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
                .whenCompleteAsync((ignored, failure) -> check(key, deadline, outcome), executor);
    }

    private void check(RpcKey key, Instant deadline, CompletableFuture<Rpc> outcome) {
        try {
            CompletableFuture<Void> signal = waiters.register(key);
            Rpc rpc = find(key);
            if (!rpc.status().isOpen()) {
                finish(key, outcome, rpc);
            } else if (!clock.instant().isBefore(deadline)) {
                if (store.markTimedOut(key, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
                    observer.finished(RpcStatus.TIMED_OUT, 1);
                }
                finish(key, outcome, find(key));
            } else {
                waitForAnswer(key, deadline, signal, outcome);
            }
        } catch (RuntimeException e) {
            waiters.forget(key);
            outcome.completeExceptionally(e);
        }
    }

    private void finish(RpcKey key, CompletableFuture<Rpc> outcome, Rpc rpc) {
        waiters.forget(key);
        outcome.complete(rpc);
    }
}
