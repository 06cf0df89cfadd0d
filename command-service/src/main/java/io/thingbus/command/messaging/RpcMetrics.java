package io.thingbus.command.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.thingbus.command.domain.RpcObserver;
import io.thingbus.command.domain.RpcStatus;
import io.thingbus.command.domain.RpcWaiters;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meters of server-side RPC (Prometheus names in brackets):
 * <ul>
 *   <li>{@code thingbus.command.rpc.sent} [{@code thingbus_command_rpc_sent_total}]: RPC downlinks Kafka
 *       acknowledged;</li>
 *   <li>{@code thingbus.command.rpc.send.failures}: RPC downlinks Kafka did not acknowledge (the RPC stays queued and
 *       is retried);</li>
 *   <li>{@code thingbus.command.rpc.finished} with {@code status} = {@code timed_out} or {@code expired}: RPCs that
 *       ended without an answer (answers are counted by {@code thingbus.command.state.records});</li>
 *   <li>{@code thingbus.command.rpc.waiting} (gauge): two-way calls of this instance waiting for an answer.</li>
 * </ul>
 * Thread-safe.
 */
public final class RpcMetrics implements RpcObserver {

    private final Counter sent;
    private final Counter sendFailures;
    private final Map<RpcStatus, Counter> finished = new EnumMap<>(RpcStatus.class);

    public RpcMetrics(MeterRegistry registry, RpcWaiters waiters) {
        this.sent = Counter.builder("thingbus.command.rpc.sent")
                .description("RPC downlinks Kafka acknowledged").register(registry);
        this.sendFailures = Counter.builder("thingbus.command.rpc.send.failures")
                .description("RPC downlinks Kafka did not acknowledge in time; the RPC is retried")
                .register(registry);
        for (RpcStatus status : new RpcStatus[] {RpcStatus.TIMED_OUT, RpcStatus.EXPIRED}) {
            finished.put(status, Counter.builder("thingbus.command.rpc.finished")
                    .description("RPCs that ended without an answer").tag("status", status.wireName())
                    .register(registry));
        }
        Gauge.builder("thingbus.command.rpc.waiting", waiters, RpcWaiters::waiting)
                .description("Two-way RPC calls of this instance waiting for an answer").register(registry);
    }

    @Override
    public void sent() {
        sent.increment();
    }

    @Override
    public void sendFailed() {
        sendFailures.increment();
    }

    @Override
    public void finished(RpcStatus status, int count) {
        Counter counter = finished.get(status);
        if (counter != null && count > 0) {
            counter.increment(count);
        }
    }
}
