package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.DeviceAuthenticator;
import io.thingbus.broker.domain.PublishDecision;
import io.thingbus.broker.domain.Refusal;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import io.thingbus.contracts.TelemetryRecord;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Decides every inbound PUBLISH with the {@link ThingScalePublishMapper} and forwards accepted ones to the
 * {@link TelemetrySink}. HiveMQ calls it before its authorizers, for every publish of a device connection, one
 * publish of a client at a time.
 *
 * <ul>
 * <li>Refused: delivery is prevented with the refusal's reason code and detail; nothing is forwarded. MQTT 5
 * clients see the code in PUBACK/PUBREC; HiveMQ disconnects MQTT 3 clients (they have no reason codes).</li>
 * <li>QoS 1/2: the acknowledgement is held (async output) until the sink has stored the record. If the sink fails,
 * or does not answer within the delivery timeout plus a margin, delivery is prevented with
 * {@code UNSPECIFIED_ERROR}: the device is never told "stored" for a record Kafka does not have.</li>
 * <li>QoS 0: handed to the sink without holding the client (at most once); a failure is only counted.</li>
 * </ul>
 * Accepted publishes continue to HiveMQ, which delivers them to subscribers allowed to see them. Never blocks a
 * HiveMQ thread.
 */
final class TelemetryForwardingInterceptor implements PublishInboundInterceptor {

    private static final Logger LOG = Logger.getLogger(TelemetryForwardingInterceptor.class);

    private final ThingScalePublishMapper mapper;
    private final DeviceAuthenticator authenticator;
    private final TelemetrySink sink;
    private final BrokerMetrics metrics;
    private final Duration ackTimeout;

    /** @param ackTimeout how long a QoS 1/2 acknowledgement may wait for the sink at most */
    TelemetryForwardingInterceptor(ThingScalePublishMapper mapper, DeviceAuthenticator authenticator,
            TelemetrySink sink, BrokerMetrics metrics, Duration ackTimeout) {
        this.mapper = mapper;
        this.authenticator = authenticator;
        this.sink = sink;
        this.metrics = metrics;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        try {
            decide(input, output);
        } catch (RuntimeException e) {
            LOG.error("could not handle a publish of client '" + input.getClientInformation().getClientId() + "'", e);
            metrics.failedInternally();
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "internal error");
        }
    }

    private void decide(PublishInboundInput input, PublishInboundOutput output) {
        Optional<ConnectionIdentity> identity = ConnectionIdentities.of(input.getConnectionInformation())
                .filter(authenticator::isStillValid);
        if (identity.isEmpty()) {
            refuse(output, Refusal.tokenRevoked());
            return;
        }
        PublishDecision decision = mapper.decide(
                InboundPublishes.of(input.getPublishPacket(), input.getClientInformation().getClientId()),
                identity.get());
        if (decision instanceof PublishDecision.Refuse refuse) {
            refuse(output, refuse.refusal());
        } else {
            forward(((PublishDecision.Forward) decision).record(), input.getPublishPacket().getQos().getQosNumber(),
                    output);
        }
    }

    private void refuse(PublishInboundOutput output, Refusal refusal) {
        metrics.refused(refusal.reason());
        output.preventPublishDelivery(AckReasons.forRefusal(refusal.reason()), refusal.detail());
    }

    private void forward(TelemetryRecord record, int qos, PublishInboundOutput output) {
        if (qos == 0) {
            sink.send(record).whenComplete((stored, error) -> count(record, error));
            return;
        }
        Async<PublishInboundOutput> held = output.async(ackTimeout, TimeoutFallback.FAILURE,
                AckReasonCode.UNSPECIFIED_ERROR, "telemetry was not stored in time");
        sink.send(record).whenComplete((stored, error) -> release(held, record, error));
    }

    private void release(Async<PublishInboundOutput> held, TelemetryRecord record, Throwable error) {
        count(record, error);
        if (held.getStatus() != Async.Status.RUNNING) {
            return; // timed out: HiveMQ already answered with the fallback
        }
        if (error != null) {
            preventQuietly(held.getOutput());
        }
        held.resume();
    }

    private static void preventQuietly(PublishInboundOutput output) {
        try {
            output.preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "telemetry could not be stored");
        } catch (UnsupportedOperationException alreadyTimedOut) {
            // the timeout fallback won the race and already prevented delivery
        }
    }

    private void count(TelemetryRecord record, Throwable error) {
        if (error == null) {
            metrics.forwarded();
            return;
        }
        metrics.failedInKafka();
        LOG.debugf("telemetry %s of %s was not stored: %s", record.id(), record.key(), error.getMessage());
    }
}
