package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
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

    /** The last level of the downlink topic {@code <TOKEN>/<DEVICE_ID>/subscribe}. */
    public static final String DOWNLINK_LEVEL = "subscribe";

    private static final String MULTI_LEVEL = "#";
    private static final String SINGLE_LEVEL = "+";

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

    /**
     * Which device's downlink topic {@code <TOKEN>/<DEVICE_ID>/subscribe} a filter of {@code identity} covers:
     * the device id when it names one device ({@code <TOKEN>/dev-1/subscribe}, {@code <TOKEN>/dev-1/#}),
     * {@link SessionSubscription#ALL_DEVICES} when it covers every device of the token ({@code <TOKEN>/#},
     * {@code <TOKEN>/+/subscribe}), empty when it covers no downlink topic, names {@code json} or {@code bin} in the
     * device level (a telemetry filter), or is not below the own token.
     */
    public Optional<String> downlinkDeviceOf(String topicFilter, ConnectionIdentity identity) {
        if (!allowsSubscription(topicFilter, identity)) {
            return Optional.empty();
        }
        String[] levels = topicFilter.substring(topicFilter.indexOf('/') + 1).split("/", -1);
        if (levels[0].equals(MULTI_LEVEL)) {
            return Optional.of(SessionSubscription.ALL_DEVICES);
        }
        if (!coversDownlinkLevel(levels)) {
            return Optional.empty();
        }
        if (levels[0].equals(SINGLE_LEVEL)) {
            return Optional.of(SessionSubscription.ALL_DEVICES);
        }
        return namesDevice(levels[0]) ? Optional.of(levels[0]) : Optional.empty();
    }

    /**
     * Whether a filter level names a device. {@code json} and {@code bin} do not: {@code <TOKEN>/json/#} asks for
     * telemetry, and the downlink topic of a device with such an id could not be told from a telemetry topic.
     */
    private static boolean namesDevice(String level) {
        return DeviceId.isValid(level) && !level.equals(ThingScaleTopicParser.JSON_LEVEL)
                && !level.equals(ThingScaleTopicParser.BINARY_LEVEL);
    }

    /** Whether the levels after the device level match {@code subscribe} exactly once. */
    private static boolean coversDownlinkLevel(String[] levels) {
        if (levels.length < 2) {
            return false;
        }
        String second = levels[1];
        if (second.equals(MULTI_LEVEL)) {
            return levels.length == 2;
        }
        if (!second.equals(SINGLE_LEVEL) && !second.equals(DOWNLINK_LEVEL)) {
            return false;
        }
        return levels.length == 2 || (levels.length == 3 && levels[2].equals(MULTI_LEVEL));
    }
}
