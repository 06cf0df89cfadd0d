package io.thingbus.command.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.command.config.RpcConfig;
import io.thingbus.command.domain.RpcNotRecordedException;
import io.thingbus.command.domain.RpcSweeper;
import io.thingbus.command.domain.StoreUnavailableException;
import io.thingbus.command.domain.SweepReport;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs {@link RpcSweeper} on its own thread every {@code sweep-interval}, at once when {@link #wakeUp()} is called
 * (a gateway connected a sub-device), and again without pause while sweeps take full batches. A failing sweep is
 * logged and retried at the next interval. Started with the service, stopped with it.
 */
@Singleton
public class RpcDispatchLoop {

    private static final Logger LOG = Logger.getLogger(RpcDispatchLoop.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Object TOKEN = new Object();

    private final RpcSweeper sweeper;
    private final Duration interval;
    private final int batchSize;
    private final BlockingQueue<Object> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean stopping;
    private volatile String lastFailure = "";
    private volatile Thread thread;

    @Inject
    public RpcDispatchLoop(RpcSweeper sweeper, RpcConfig config) {
        this.sweeper = sweeper;
        this.interval = config.sweepInterval();
        this.batchSize = config.dispatchBatchSize();
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "rpc-dispatcher");
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        wakeUp();
        if (thread != null) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    /** Asks for a sweep now; cheap, never blocks, callable from any thread. */
    public void wakeUp() {
        wakeUps.offer(TOKEN);
    }

    /** Whether the dispatcher thread runs. */
    public boolean alive() {
        return thread != null && thread.isAlive();
    }

    /** The failure of the last sweep, or empty when it succeeded. */
    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        try {
            while (!stopping) {
                boolean more = sweepOnce();
                if (!more) {
                    wakeUps.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether another sweep should follow at once */
    private boolean sweepOnce() {
        try {
            SweepReport report = sweeper.sweep();
            lastFailure = "";
            if (report.claimed() + report.expired() + report.timedOut() > 0) {
                LOG.debugf("RPC sweep: %s", report);
            }
            return report.fullBatch(batchSize) && report.dispatched() > 0;
        } catch (StoreUnavailableException | RpcNotRecordedException e) {
            lastFailure = "store unavailable: " + e.getMessage();
            LOG.warnf("RPC sweep failed (%s); next attempt in %s", e.getMessage(), interval);
        } catch (RuntimeException e) {
            lastFailure = "unexpected failure: " + e.getMessage();
            LOG.errorf(e, "RPC sweep failed unexpectedly; next attempt in %s", interval);
        }
        return false;
    }
}
