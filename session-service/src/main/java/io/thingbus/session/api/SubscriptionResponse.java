package io.thingbus.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.session.domain.CoveredDevice;
import io.thingbus.session.domain.Subscription;

/** One subscription of a session in {@code GET /session}; {@code device_id} is null for a non-downlink filter. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SubscriptionResponse(
        @JsonProperty("filter") String filter,
        @JsonProperty("qos") int qos,
        @JsonProperty("device_id") String deviceId) {

    static SubscriptionResponse of(Subscription subscription) {
        return new SubscriptionResponse(subscription.filter(), subscription.qos(),
                subscription.device().map(CoveredDevice::value).orElse(null));
    }
}
