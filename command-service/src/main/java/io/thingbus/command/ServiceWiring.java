package io.thingbus.command;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.command.config.PublishConfig;
import io.thingbus.command.config.RpcConfig;
import io.thingbus.command.domain.DevicePublisher;
import io.thingbus.command.domain.RpcCalls;
import io.thingbus.command.domain.RpcObserver;
import io.thingbus.command.domain.RpcSender;
import io.thingbus.command.domain.RpcSettings;
import io.thingbus.command.domain.RpcSweeper;
import io.thingbus.command.domain.RpcWaiters;
import io.thingbus.command.domain.StateProjection;
import io.thingbus.command.messaging.KafkaDownlinkSender;
import io.thingbus.command.messaging.RpcMetrics;
import io.thingbus.command.persistence.JdbcDeviceDirectory;
import io.thingbus.command.persistence.JdbcRpcRoutes;
import io.thingbus.command.persistence.JdbcRpcStore;
import io.thingbus.command.persistence.JdbcSessionDirectory;
import io.thingbus.command.persistence.JdbcStateStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds the framework-free domain objects from their adapters, and checks the settings at start-up. */
@Singleton
public class ServiceWiring {

    /** Below Kafka's default record limit (1 MB), headers included. */
    static final int MAX_PAYLOAD_LIMIT = 1_000_000;
    static final Duration MIN_DELIVERY_TIMEOUT = Duration.ofSeconds(2);
    /** The producer may take its delivery timeout plus this before a send is given up. */
    static final Duration SEND_GRACE = Duration.ofSeconds(2);
    static final String RPC_EXECUTOR = "rpc-answer-checks";

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    StateProjection stateProjection(JdbcStateStore store) {
        return new StateProjection(store);
    }

    @Produces
    @Singleton
    DevicePublisher devicePublisher(JdbcDeviceDirectory devices, JdbcSessionDirectory sessions,
            KafkaDownlinkSender sender, Clock clock, PublishConfig config) {
        return new DevicePublisher(devices, sessions, sender, clock, config.maxPayloadBytes());
    }

    @Produces
    @Singleton
    RpcWaiters rpcWaiters() {
        return new RpcWaiters();
    }

    @Produces
    @Singleton
    RpcSettings rpcSettings(RpcConfig config) {
        return new RpcSettings(config.defaultTimeout(), config.maxTimeout(), config.defaultExpiry(),
                config.maxExpiry(), config.maxPayloadBytes(), config.dispatchLease(), config.answerPollInterval(),
                config.dispatchBatchSize(), config.retention());
    }

    @Produces
    @Singleton
    RpcObserver rpcObserver(MeterRegistry registry, RpcWaiters waiters) {
        return new RpcMetrics(registry, waiters);
    }

    @Produces
    @Singleton
    RpcSender rpcSender(KafkaDownlinkSender downlinks, JdbcRpcStore store, Clock clock, RpcObserver observer) {
        return new RpcSender(downlinks, store, clock, observer);
    }

    /** The threads that re-read waiting RPCs; they only run short database reads. */
    @Produces
    @Singleton
    @Named(RPC_EXECUTOR)
    ExecutorService rpcAnswerChecks() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, RPC_EXECUTOR + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Produces
    @Singleton
    RpcCalls rpcCalls(JdbcDeviceDirectory devices, JdbcRpcRoutes routes, JdbcRpcStore store, RpcSender sender,
            RpcWaiters waiters, Clock clock, RpcSettings settings, @Named(RPC_EXECUTOR) ExecutorService executor,
            RpcObserver observer) {
        return new RpcCalls(devices, routes, store, sender, waiters, clock, settings, executor, observer);
    }

    @Produces
    @Singleton
    RpcSweeper rpcSweeper(JdbcRpcStore store, JdbcRpcRoutes routes, RpcSender sender, Clock clock,
            RpcSettings settings, RpcObserver observer) {
        return new RpcSweeper(store, routes, sender, clock, settings, observer);
    }

    void checkPublishSettings(@Observes StartupEvent event, PublishConfig config) {
        if (config.maxPayloadBytes() < 1 || config.maxPayloadBytes() > MAX_PAYLOAD_LIMIT) {
            throw new IllegalStateException("thingbus.command.publish.max-payload-bytes must be 1 to "
                    + MAX_PAYLOAD_LIMIT + " (got " + config.maxPayloadBytes() + ")");
        }
        if (config.deliveryTimeout().compareTo(MIN_DELIVERY_TIMEOUT) < 0
                || config.deliveryTimeout().toMillis() > Integer.MAX_VALUE) {
            throw new IllegalStateException("thingbus.command.publish.delivery-timeout must be at least "
                    + MIN_DELIVERY_TIMEOUT.toSeconds() + "s (got " + config.deliveryTimeout() + ")");
        }
    }

    void checkRpcSettings(@Observes StartupEvent event, RpcSettings settings, RpcConfig config,
            PublishConfig publish) {
        if (config.maxPayloadBytes() > MAX_PAYLOAD_LIMIT) {
            throw new IllegalStateException("thingbus.command.rpc.max-payload-bytes must be at most "
                    + MAX_PAYLOAD_LIMIT + " (got " + config.maxPayloadBytes() + ")");
        }
        Duration longestSend = publish.deliveryTimeout().plus(SEND_GRACE);
        if (config.dispatchLease().compareTo(longestSend) <= 0) {
            throw new IllegalStateException("thingbus.command.rpc.dispatch-lease must be longer than "
                    + "thingbus.command.publish.delivery-timeout + 2s (" + longestSend + "); got "
                    + config.dispatchLease());
        }
        if (config.sweepInterval().isNegative() || config.sweepInterval().isZero()) {
            throw new IllegalStateException("thingbus.command.rpc.sweep-interval must be positive");
        }
    }

    void stopRpcChecks(@Observes ShutdownEvent event, @Named(RPC_EXECUTOR) ExecutorService executor)
            throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
