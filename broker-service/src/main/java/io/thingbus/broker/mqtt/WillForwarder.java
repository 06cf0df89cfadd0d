package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.packets.connect.WillPublishPacket;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.MqttConnection;
import io.thingbus.broker.domain.PublishDecision;
import io.thingbus.broker.domain.Refusal;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import io.thingbus.contracts.TelemetryRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Forwards a device's will message to Kafka when HiveMQ publishes it to MQTT subscribers: a will is a publish of the
 * device, so a will on its own telemetry topic becomes a telemetry record like any other publish (decided by the same
 * {@link ThingScalePublishMapper}: a {@code json} will must carry a JSON object or number). HiveMQ publishes the will
 * when the connection ends without a normal DISCONNECT (lost, closed by the server, or MQTT 5 DISCONNECT with
 * reason 0x04), not on a session takeover. An MQTT 5 will delay is honoured: the will goes out after the smaller of
 * will delay and session expiry, and not at all when the same client connects again to this instance before.
 *
 * <p>Wills are forwarded like QoS 0 publishes (nobody waits for an acknowledgement): a failure is only counted. A
 * will still waiting for its delay is lost when the instance stops. Non-blocking and thread-safe; delayed wills run
 * on one scheduler thread.
 */
final class WillForwarder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WillForwarder.class);

    private final ThingScalePublishMapper mapper;
    private final DeviceAuthenticator authenticator;
    private final TelemetrySink sink;
    private final BrokerMetrics metrics;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "thingbus-delayed-wills");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, ScheduledFuture<?>> delayed = new ConcurrentHashMap<>();

    WillForwarder(ThingScalePublishMapper mapper, DeviceAuthenticator authenticator, TelemetrySink sink,
            BrokerMetrics metrics) {
        this.mapper = mapper;
        this.authenticator = authenticator;
        this.sink = sink;
        this.metrics = metrics;
    }

    /**
     * The connection ended in a way that makes HiveMQ publish its will.
     *
     * @param sessionExpirySeconds the session expiry the client asked for (0 = the session ends now)
     */
    void connectionEnded(MqttConnection connection, WillPublishPacket will, long sessionExpirySeconds) {
        long delay = Math.min(will.getWillDelay(), sessionExpirySeconds);
        if (delay <= 0) {
            forward(connection, will);
            return;
        }
        String client = key(connection);
        ScheduledFuture<?> pending = scheduler.schedule(() -> {
            delayed.remove(client);
            forward(connection, will);
        }, delay, TimeUnit.SECONDS);
        cancel(delayed.put(client, pending));
    }

    /** The client connected again: a will still waiting for its delay is not sent. */
    void clientConnected(MqttConnection connection) {
        cancel(delayed.remove(key(connection)));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void forward(MqttConnection connection, WillPublishPacket will) {
        try {
            if (!authenticator.isStillValid(connection.identity())) {
                metrics.refused(Refusal.tokenRevoked().reason());
                return;
            }
            PublishDecision decision = mapper.decide(InboundPublishes.of(will, connection.clientId()),
                    connection.identity());
            if (decision instanceof PublishDecision.Refuse refuse) {
                metrics.refused(refuse.refusal().reason());
                LOG.debugf("will of client '%s' not forwarded: %s", connection.clientId(), refuse.refusal().detail());
                return;
            }
            TelemetryRecord record = ((PublishDecision.Forward) decision).record();
            sink.send(record).whenComplete((stored, error) -> count(record, error));
        } catch (RuntimeException e) {
            metrics.failedInternally();
            LOG.error("could not forward the will of client '" + connection.clientId() + "'", e);
        }
    }

    private void count(TelemetryRecord record, Throwable error) {
        if (error == null) {
            metrics.forwarded();
            return;
        }
        metrics.failedInKafka();
        LOG.debugf("will %s of %s was not stored: %s", record.id(), record.key(), error.getMessage());
    }

    private static void cancel(ScheduledFuture<?> pending) {
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private static String key(MqttConnection connection) {
        return connection.identity().tenant().value() + "/" + connection.clientId();
    }
}
