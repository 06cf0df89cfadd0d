package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.thingbus.broker.domain.ConnectionIdentity;
import io.thingbus.broker.domain.PublishDecision;
import io.thingbus.broker.domain.TelemetrySink;
import io.thingbus.broker.domain.ThingScalePublishMapper;
import io.thingbus.contracts.TelemetryRecord;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A publish in the ThingScale dialect ({@code <TOKEN>/json|bin/<DEVICE_ID>[/<TAG>]}), decided by the
 * {@link ThingScalePublishMapper}, forwarded to the {@link TelemetrySink}.
 *
 * <ul>
 * <li>Refused: delivery is prevented with the refusal's reason code and detail; nothing is forwarded.</li>
 * <li>QoS 1/2: the acknowledgement is held until the sink has stored the record; if the sink fails, or does not
 * answer within the timeout, the device gets {@code UNSPECIFIED_ERROR}: it is never told "stored" for a record Kafka
 * does not have.</li>
 * <li>QoS 0: handed to the sink without holding the client (at most once); a failure is only counted.</li>
 * </ul>
 * Accepted publishes continue to HiveMQ, which delivers them to the subscribers allowed to see them (clients of the
 * same token). Never blocks a HiveMQ thread; shared by all connections.
 */
final class ThingScalePublishHandler {

    private static final Logger LOG = Logger.getLogger(ThingScalePublishHandler.class);

    private final ThingScalePublishMapper mapper;
    private final TelemetrySink sink;
    private final BrokerMetrics metrics;
    private final Duration ackTimeout;

    /** @param ackTimeout how long a QoS 1/2 acknowledgement may wait for the sink at most */
    ThingScalePublishHandler(ThingScalePublishMapper mapper, TelemetrySink sink, BrokerMetrics metrics,
            Duration ackTimeout) {
        this.mapper = mapper;
        this.sink = sink;
        this.metrics = metrics;
        this.ackTimeout = ackTimeout;
    }

    /** Decides a publish of a connection of {@code identity} (still valid). */
    void handle(PublishInboundInput input, PublishInboundOutput output, ConnectionIdentity identity) {
        PublishDecision decision = mapper.decide(
                InboundPublishes.of(input.getPublishPacket(), input.getClientInformation().getClientId()), identity);
        if (decision instanceof PublishDecision.Refuse refuse) {
            UplinkInterceptor.refuse(output, refuse.refusal(), metrics);
            return;
        }
        TelemetryRecord record = ((PublishDecision.Forward) decision).record();
        if (input.getPublishPacket().getQos().getQosNumber() == 0) {
            sink.send(record).whenComplete((stored, error) -> count(record, error));
            return;
        }
        AcknowledgementHold hold = AcknowledgementHold.hold(output, ackTimeout);
        sink.send(record).whenComplete((stored, error) -> {
            count(record, error);
            hold.release(error, true);
        });
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
