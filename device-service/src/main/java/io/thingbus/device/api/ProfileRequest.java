package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code PUT /user}: an absent or null field stays as it is, {@code ""} clears it. */
@JsonPropertyOrder({"name", "email"})
public record ProfileRequest(
        @JsonProperty("name") String name,
        @JsonProperty("email") String email) {
}
