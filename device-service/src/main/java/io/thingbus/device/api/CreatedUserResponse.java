package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.thingbus.device.domain.Email;
import io.thingbus.device.domain.IssuedUser;
import io.thingbus.device.domain.UserName;
import java.time.Instant;

/** Answer of {@code POST /admin/users}: the user with its first API key and device token (the key is shown once). */
@JsonPropertyOrder({"user_id", "name", "email", "plan", "api_key", "device_token", "created_at"})
public record CreatedUserResponse(
        @JsonProperty("user_id") String userId,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("plan") String plan,
        @JsonProperty("api_key") String apiKey,
        @JsonProperty("device_token") String deviceToken,
        @JsonProperty("created_at") Instant createdAt) {

    static CreatedUserResponse of(IssuedUser issued) {
        return new CreatedUserResponse(issued.user().id().value(),
                issued.user().name().map(UserName::value).orElse(null),
                issued.user().email().map(Email::value).orElse(null),
                issued.user().plan().value(), issued.apiKey().value(), issued.deviceToken().value(),
                issued.user().createdAt());
    }
}
