package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A newly issued device token. */
public record DeviceTokenResponse(@JsonProperty("device_token") String deviceToken) {
}
