package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import io.thingbus.broker.domain.GatewayDecision;
import io.thingbus.broker.domain.GatewayPublishMapper;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.GatewayTopic;
import io.thingbus.broker.domain.MqttConnection;
import io.thingbus.broker.domain.SubdeviceOwnership;
import io.thingbus.broker.domain.Uplink;
import io.thingbus.broker.domain.UplinkSink;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A publish of a ThingsBoard gateway ({@code v1/gateway/...}), decided by the {@link GatewayPublishMapper} and
 * forwarded to the {@link UplinkSink}.
 *
 * <p>Every gateway of every tenant publishes to the same topic names, so HiveMQ must never deliver such a publish to
 * another client: its delivery is <em>always</em> prevented — with success when it was forwarded, so the gateway gets
 * a normal PUBACK/PUBREC (MQTT 3 too), with the refusal's code otherwise. A prevented publish is not retained either.
 *
 * <ul>
 * <li>Refused (not JSON, wrong shape, unknown topic, client id not a device id): nothing is forwarded.</li>
 * <li>QoS 1/2: the acknowledgement is held until Kafka stored <em>every</em> record the publish became; if one
 * fails or the timeout passes, the gateway gets {@code UNSPECIFIED_ERROR} (MQTT 3: disconnected) and should resend.</li>
 * <li>QoS 0: forwarded without holding the gateway; a failure is only counted.</li>
 * </ul>
 * Invalid entries of a batch are left out and counted; sub-device connects and disconnects update the
 * {@link GatewaySubdevices} of the connection. Deciding (which resolves the owners of the sub-devices), tracking and
 * handing the records to the sink are one step of {@link SubdeviceOwnership#duringPublish}, so a claim applied
 * meanwhile is re-announced after this publish's records, never before. Never blocks a HiveMQ thread (it waits only
 * while a claims record is applied: map operations); shared by all connections.
 */
final class GatewayPublishHandler {

    private static final Logger LOG = Logger.getLogger(GatewayPublishHandler.class);

    private final GatewayPublishMapper mapper;
    private final GatewaySubdevices subdevices;
    private final SubdeviceOwnership ownership;
    private final UplinkSink sink;
    private final BrokerMetrics metrics;
    private final Duration ackTimeout;

    /** @param ackTimeout how long a QoS 1/2 acknowledgement may wait for the sink at most */
    GatewayPublishHandler(GatewayPublishMapper mapper, GatewaySubdevices subdevices, SubdeviceOwnership ownership,
            UplinkSink sink, BrokerMetrics metrics, Duration ackTimeout) {
        this.mapper = mapper;
        this.subdevices = subdevices;
        this.ownership = ownership;
        this.sink = sink;
        this.metrics = metrics;
        this.ackTimeout = ackTimeout;
    }

    /** Decides a gateway publish of an authenticated connection whose token is still valid. */
    void handle(PublishInboundInput input, PublishInboundOutput output) {
        ownership.duringPublish(() -> decideAndForward(input, output));
    }

    private void decideAndForward(PublishInboundInput input, PublishInboundOutput output) {
        String clientId = input.getClientInformation().getClientId();
        MqttConnection connection = ConnectionIdentities.connection(input.getConnectionInformation(), clientId)
                .orElseThrow(() -> new IllegalStateException("a publish of an unauthenticated connection"));
        GatewayDecision decision = mapper.decide(InboundPublishes.of(input.getPublishPacket(), clientId), connection);
        if (decision instanceof GatewayDecision.Refuse refuse) {
            LOG.debugf("refused a publish of gateway '%s': %s", clientId, refuse.refusal().detail());
            UplinkInterceptor.refuse(output, refuse.refusal(), metrics);
            return;
        }
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decision;
        countSkipped(input.getPublishPacket().getTopic(), clientId, forward);
        track(forward.records());
        forward(forward.records(), input.getPublishPacket().getQos().getQosNumber(), output);
    }

    private void forward(List<Uplink> records, int qos, PublishInboundOutput output) {
        if (qos == 0) {
            output.preventPublishDelivery();
            sink.sendAll(records).whenComplete((stored, error) -> count(records, error));
            return;
        }
        AcknowledgementHold hold = AcknowledgementHold.hold(output, ackTimeout);
        sink.sendAll(records).whenComplete((stored, error) -> {
            count(records, error);
            hold.release(error, false);
        });
    }

    private void track(List<Uplink> records) {
        for (Uplink record : records) {
            if (record instanceof Uplink.SubdeviceEvent event) {
                subdevices.apply(event.record());
            }
        }
    }

    private void countSkipped(String topic, String clientId, GatewayDecision.Forward forward) {
        if (forward.skipped().isEmpty()) {
            return;
        }
        GatewayTopic.publishedAs(topic).ifPresent(t -> metrics.gatewayEntriesSkipped(t, forward.skipped().size()));
        LOG.debugf("gateway '%s' on %s: forwarded %d records, skipped %d invalid entries: %s", clientId, topic,
                forward.records().size(), forward.skipped().size(), forward.skipped());
    }

    private void count(List<Uplink> records, Throwable error) {
        if (error == null) {
            metrics.forwarded();
            return;
        }
        metrics.failedInKafka();
        LOG.debugf("a gateway publish of %d records was not stored: %s", records.size(), error.getMessage());
    }
}
