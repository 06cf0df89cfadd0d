package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Body of {@code POST /admin/users}; every field is optional. */
@JsonPropertyOrder({"name", "email", "plan"})
public record CreateUserRequest(
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("plan") String plan) {
}
