package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A publish topic read with the ThingScale grammar. Every variant keeps the first level, where the grammar puts the
 * device token, so that a topic of another token can be refused before anything else is said about it.
 */
public sealed interface ThingScaleTopic {

    /** The first topic level: the device token in every ThingScale topic (possibly empty). */
    String tokenLevel();

    /** {@code <TOKEN>/json/<DEVICE_ID>[/<TAG>]} or {@code <TOKEN>/bin/<DEVICE_ID>[/<TAG>]} with a valid device id and tag. */
    record Telemetry(String tokenLevel, PayloadFormat format, DeviceId device, Optional<String> tag)
            implements ThingScaleTopic {
        public Telemetry {
            Objects.requireNonNull(tokenLevel, "tokenLevel");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** Shaped like a telemetry topic, but the device id or the tag is invalid; {@code problem} says which and why. */
    record InvalidTelemetry(String tokenLevel, String problem) implements ThingScaleTopic {
        public InvalidTelemetry {
            Objects.requireNonNull(tokenLevel, "tokenLevel");
            Objects.requireNonNull(problem, "problem");
        }
    }

    /** Not a telemetry topic at all (for example the downlink topic {@code <TOKEN>/<DEVICE_ID>/subscribe}). */
    record Other(String tokenLevel) implements ThingScaleTopic {
        public Other {
            Objects.requireNonNull(tokenLevel, "tokenLevel");
        }
    }
}
