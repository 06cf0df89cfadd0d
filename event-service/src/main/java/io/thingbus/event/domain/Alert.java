package io.thingbus.event.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One firing of a rule, with a copy of what the rule watched at that moment (later changes of the rule do not change
 * its history).
 *
 * @param value the value that fired a threshold rule; empty for no-data
 * @param valueTime the time of that point; for no-data the time of the last point, if any was seen
 * @param firedAt the point's time (threshold) or the time of the check that noticed the silence (no-data)
 */
public record Alert(UUID id, EventId eventId, RuleName eventName, TenantId tenant, DeviceId device, ChannelId channel,
        Optional<Tag> tag, Condition condition, Optional<BigDecimal> value, Optional<Instant> valueTime,
        Instant firedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(valueTime, "valueTime");
        Objects.requireNonNull(firedAt, "firedAt");
    }
}
