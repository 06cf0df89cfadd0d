package io.thingbus.event.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.event.config.NotificationConfig;
import io.thingbus.event.domain.NotificationDispatch;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * Threads that send queued notifications ({@code thingbus.event.notifications.workers}). An idle worker looks for due
 * notifications every poll interval, or at once when {@link #wake()} is called; a worker that found a full batch goes
 * on without waiting. After each round with outcomes, the alert relay is woken (settled alerts are published).
 */
@Singleton
public class NotificationWorkers {

    private static final Logger LOG = Logger.getLogger(NotificationWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final NotificationDispatch dispatch;
    private final NotificationConfig config;
    private final AlertRelay relay;
    private final EventMetrics metrics;
    private final Object signal = new Object();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private long generation;
    private volatile boolean stopping;

    public NotificationWorkers(NotificationDispatch dispatch, NotificationConfig config, AlertRelay relay,
            EventMetrics metrics) {
        this.dispatch = dispatch;
        this.config = config;
        this.relay = relay;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < config.workers(); i++) {
            Thread thread = new Thread(this::work, "notification-worker-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping = true;
        wake();
        for (Thread thread : threads) {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop in time; its claimed notifications are sent again after the lease",
                        thread.getName());
                thread.interrupt();
            }
        }
    }

    /** Makes idle workers look for due notifications now. Never blocks. */
    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    /** Whether every worker thread runs. */
    public boolean alive() {
        return !threads.isEmpty() && threads.stream().allMatch(Thread::isAlive);
    }

    private void work() {
        while (!stopping) {
            long seen = currentGeneration();
            boolean fullBatch = false;
            try {
                NotificationDispatch.Round round = dispatch.dispatchDue();
                metrics.delivered(round);
                if (round.attempted() > 0) {
                    relay.wake();
                }
                fullBatch = round.attempted() == config.batchSize();
            } catch (RuntimeException e) {
                metrics.backgroundFailure("notifications");
                LOG.warnf("sending notifications failed, retrying in %s: %s", config.pollInterval(), e.getMessage());
            }
            if (!fullBatch) {
                awaitWakeUp(seen);
            }
        }
    }

    private long currentGeneration() {
        synchronized (signal) {
            return generation;
        }
    }

    private void awaitWakeUp(long seen) {
        long deadline = System.nanoTime() + config.pollInterval().toNanos();
        synchronized (signal) {
            long left;
            while (!stopping && generation == seen && (left = deadline - System.nanoTime()) > 0) {
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
