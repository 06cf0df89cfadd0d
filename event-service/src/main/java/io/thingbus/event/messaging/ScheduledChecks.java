package io.thingbus.event.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.event.config.AlertConfig;
import io.thingbus.event.config.NoDataConfig;
import io.thingbus.event.domain.NewAlert;
import io.thingbus.event.domain.NoDataWatch;
import io.thingbus.event.domain.RuleRepository;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Periodic work on one thread: the check for silent devices every {@code thingbus.event.no-data.check-interval}
 * (only while telemetry is being read: a gap in reading is not a gap in the devices' data), and the deletion of alerts
 * older than {@code thingbus.event.alerts.retention} once an hour.
 */
@Singleton
public class ScheduledChecks {

    private static final Logger LOG = Logger.getLogger(ScheduledChecks.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final NoDataWatch noData;
    private final RuleRepository rules;
    private final ConsumerLifecycle consumers;
    private final NotificationWorkers workers;
    private final AlertRelay relay;
    private final EventMetrics metrics;
    private final NoDataConfig noDataConfig;
    private final AlertConfig alertConfig;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public ScheduledChecks(NoDataWatch noData, RuleRepository rules, ConsumerLifecycle consumers,
            NotificationWorkers workers, AlertRelay relay, EventMetrics metrics, NoDataConfig noDataConfig,
            AlertConfig alertConfig, Clock clock) {
        this.noData = noData;
        this.rules = rules;
        this.consumers = consumers;
        this.workers = workers;
        this.relay = relay;
        this.metrics = metrics;
        this.noDataConfig = noDataConfig;
        this.alertConfig = alertConfig;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "scheduled-checks"));
        long interval = noDataConfig.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::checkSilentDevices, interval, interval, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::purgeOldAlerts, 1, PURGE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (executor != null) {
            executor.shutdown();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void checkSilentDevices() {
        Optional<Instant> watchingSince = consumers.telemetryConsumingSince();
        if (watchingSince.isEmpty()) {
            LOG.debug("no-data check skipped: telemetry is not being read");
            return;
        }
        try {
            List<NewAlert> fired = noData.check(watchingSince.get());
            metrics.fired(fired);
            if (!fired.isEmpty()) {
                workers.wake();
                relay.wake();
            }
        } catch (RuntimeException e) {
            metrics.backgroundFailure("no-data");
            LOG.warnf("no-data check failed, retrying in %s: %s", noDataConfig.checkInterval(), e.getMessage());
        }
    }

    private void purgeOldAlerts() {
        try {
            int purged = rules.purgeAlertsBefore(clock.instant().minus(alertConfig.retention()));
            if (purged > 0) {
                LOG.infof("deleted %d alerts older than %s", purged, alertConfig.retention());
            }
        } catch (RuntimeException e) {
            metrics.backgroundFailure("retention");
            LOG.warnf("deleting old alerts failed, retrying in %s: %s", PURGE_INTERVAL, e.getMessage());
        }
    }
}
