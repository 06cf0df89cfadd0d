package io.thingbus.broker.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a ThingScale device connection may touch. It may publish only telemetry topics of its own device token
 * ({@code <TOKEN>/json|bin/<DEVICE_ID>[/<TAG>]}) and subscribe only to filters below its own token
 * ({@code <TOKEN>/#}, {@code <TOKEN>/<DEVICE_ID>/subscribe}, …). The downlink topic
 * {@code <TOKEN>/<DEVICE_ID>/subscribe} is written by the platform, never by devices.
 *
 * <p>Pure, non-blocking and thread-safe.
 */
public final class ThingScaleAccessPolicy {

    private final ThingScaleTopicParser parser;

    public ThingScaleAccessPolicy(ThingScaleTopicParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Why {@code identity} may not publish to {@code topic}, or empty when it may. */
    public Optional<Refusal> refusalForPublish(String topic, ConnectionIdentity identity) {
        return refusalForPublish(parser.parse(topic), identity);
    }

    /** Why {@code identity} may not publish to the parsed topic, or empty when it may. */
    public Optional<Refusal> refusalForPublish(ThingScaleTopic topic, ConnectionIdentity identity) {
        if (!identity.token().matches(topic.tokenLevel())) {
            return Optional.of(Refusal.foreignToken());
        }
        if (topic instanceof ThingScaleTopic.InvalidTelemetry invalid) {
            return Optional.of(Refusal.invalidTopic(invalid.problem()));
        }
        if (topic instanceof ThingScaleTopic.Other) {
            return Optional.of(Refusal.topicNotAllowed());
        }
        return Optional.empty();
    }

    /** Whether {@code identity} may subscribe to {@code topicFilter}: only filters starting with {@code <TOKEN>/}. */
    public boolean allowsSubscription(String topicFilter, ConnectionIdentity identity) {
        int slash = topicFilter.indexOf('/');
        return slash > 0 && identity.token().matches(topicFilter.substring(0, slash));
    }
}
