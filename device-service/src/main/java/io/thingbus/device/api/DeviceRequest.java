package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Body of {@code POST} and {@code PUT /device/{device_id}}; both fields are optional. On creation an absent name is
 * the device id and an absent token the user's first device token; on update an absent field stays as it is.
 */
@JsonPropertyOrder({"name", "device_token"})
public record DeviceRequest(
        @JsonProperty("name") String name,
        @JsonProperty("device_token") String deviceToken) {
}
