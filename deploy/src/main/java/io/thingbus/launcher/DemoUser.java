package io.thingbus.launcher;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The user the launcher creates on first start so that a new user can publish at once. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemoUser(
        @JsonProperty("user_id") String userId,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("device_token") String deviceToken) {
}
