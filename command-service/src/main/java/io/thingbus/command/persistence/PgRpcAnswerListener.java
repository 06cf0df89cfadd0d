package io.thingbus.command.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.thingbus.command.domain.RpcKey;
import io.thingbus.command.domain.RpcWaiters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@value RpcNotifications#CHANNEL} with one database connection of its own and wakes this instance's
 * waiting RPC calls ({@link RpcWaiters}) when any instance stores an answer. When the connection fails it reconnects
 * after a pause; notifications sent meanwhile are lost, which only delays the waiting calls until their next re-read.
 * Runs on its own thread from start-up to shut-down.
 */
@Singleton
public class PgRpcAnswerListener {

    private static final Logger LOG = Logger.getLogger(PgRpcAnswerListener.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final RpcWaiters waiters;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile boolean listening;
    private volatile Thread thread;

    @Inject
    public PgRpcAnswerListener(DataSource dataSource, RpcWaiters waiters) {
        this.dataSource = dataSource;
        this.waiters = waiters;
    }

    void start(@Observes StartupEvent event) {
        thread = new Thread(this::run, "rpc-answer-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopSignal.countDown();
        if (thread != null) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
    }

    /** Whether the listening connection is up (answers then wake waiting calls at once). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (!stopping()) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                LOG.warnf("RPC answer notifications interrupted (%s); waiting calls fall back to re-reading; "
                        + "reconnecting in %s", e.getMessage(), RECONNECT_PAUSE);
                pause();
            }
        }
        listening = false;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + RpcNotifications.CHANNEL);
        }
        listening = true;
        while (!stopping()) {
            PGNotification[] notifications = postgres.getNotifications(Math.toIntExact(POLL.toMillis()));
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    wake(notification.getParameter());
                }
            }
        }
    }

    private void wake(String payload) {
        try {
            waiters.signal(RpcKey.parse(payload));
        } catch (IllegalArgumentException e) {
            LOG.debugf("ignored a notification that names no RPC: %s", payload);
        }
    }

    private boolean stopping() {
        return stopSignal.getCount() == 0;
    }

    private void pause() {
        try {
            stopSignal.await(RECONNECT_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopSignal.countDown();
        }
    }
}
