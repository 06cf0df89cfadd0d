package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code POST /claim}: the id of the device to claim and the secret key it opened its window with. */
@JsonPropertyOrder({"device_id", "secret_key"})
public record ClaimRequest(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("secret_key") String secretKey) {
}
