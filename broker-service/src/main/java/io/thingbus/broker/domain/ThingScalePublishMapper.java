package io.thingbus.broker.domain;

import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The edge's decision for one device publish: a pure function of the publish (topic, payload, MQTT metadata) and
 * the connection's identity. It refuses what the {@link ThingScaleAccessPolicy} refuses and {@code json} payloads
 * that are neither a JSON object nor a number; everything else becomes a {@link TelemetryRecord} with a fresh id, the
 * current time, this edge as source, the tag, the payload format, the MQTT origin, the payload bytes unchanged and the
 * hash of the token (the topic's first level, which is the connection's own token).
 *
 * <p>Non-blocking and thread-safe as long as the clock and the id supplier are.
 */
public final class ThingScalePublishMapper {

    private final ThingScaleTopicParser parser;
    private final ThingScaleAccessPolicy policy;
    private final Clock clock;
    private final Supplier<String> ids;
    private final String source;

    /**
     * @param ids a new unique record id per call (a random UUID in production)
     * @param source the CloudEvents source of the records, e.g. {@code //thingbus/broker-service/<instance-id>}
     */
    public ThingScalePublishMapper(ThingScaleTopicParser parser, Clock clock, Supplier<String> ids, String source) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.policy = new ThingScaleAccessPolicy(parser);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Forward or refuse {@code publish} made on a connection of {@code identity}; never null, never throws. */
    public PublishDecision decide(InboundPublish publish, ConnectionIdentity identity) {
        ThingScaleTopic topic = parser.parse(publish.topic());
        Optional<Refusal> refusal = policy.refusalForPublish(topic, identity);
        if (refusal.isPresent()) {
            return new PublishDecision.Refuse(refusal.get());
        }
        ThingScaleTopic.Telemetry telemetry = (ThingScaleTopic.Telemetry) topic;
        if (telemetry.format() == PayloadFormat.JSON && !JsonTelemetryPayload.isAcceptable(publish.payload())) {
            return new PublishDecision.Refuse(Refusal.invalidJson());
        }
        return new PublishDecision.Forward(record(publish, identity, telemetry));
    }

    private TelemetryRecord record(InboundPublish publish, ConnectionIdentity identity, ThingScaleTopic.Telemetry topic) {
        MqttOrigin origin = new MqttOrigin(publish.topic(), publish.qos(), publish.retain(), publish.clientId(),
                publish.userProperties());
        return new TelemetryRecord(ids.get(), clock.instant(), source, identity.tenant(), topic.device(), topic.tag(),
                topic.format(), Optional.of(origin), publish.payload(), Optional.of(identity.token().hash()));
    }
}
