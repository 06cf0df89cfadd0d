package io.thingbus.event.domain;

import io.thingbus.contracts.DeviceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A rule that has just fired, before it became a stored {@link Alert}.
 *
 * @param device the device the alert is about: the one whose point fired a threshold rule (any device whose telemetry
 *        goes to the rule's channel), or the channel's device for a no-data rule
 */
public record Firing(Rule rule, DeviceId device, Optional<BigDecimal> value, Optional<Instant> valueTime,
        Instant firedAt) {

    public Firing {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(valueTime, "valueTime");
        Objects.requireNonNull(firedAt, "firedAt");
    }

    Alert toAlert(UUID id) {
        RuleDefinition definition = rule.definition();
        return new Alert(id, rule.id(), definition.name(), rule.tenant(), device, definition.channel(),
                definition.tag(), definition.condition(), value, valueTime, firedAt);
    }
}
