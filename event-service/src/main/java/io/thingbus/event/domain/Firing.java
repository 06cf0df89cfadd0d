package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A rule that has just fired, before it became a stored {@link Alert}. */
public record Firing(Rule rule, Optional<BigDecimal> value, Optional<Instant> valueTime, Instant firedAt) {

    public Firing {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(valueTime, "valueTime");
        Objects.requireNonNull(firedAt, "firedAt");
    }

    Alert toAlert(UUID id) {
        RuleDefinition definition = rule.definition();
        return new Alert(id, rule.id(), definition.name(), rule.tenant(), rule.device(), definition.channel(),
                definition.tag(), definition.condition(), value, valueTime, firedAt);
    }
}
