package io.thingbus.device.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.thingbus.device.domain.Email;
import io.thingbus.device.domain.User;
import io.thingbus.device.domain.UserName;
import java.time.Instant;

/** A user's profile, without secrets ({@code GET /user}, {@code GET /admin/users/{user_id}}). */
@JsonPropertyOrder({"user_id", "name", "email", "plan", "created_at"})
public record UserResponse(
        @JsonProperty("user_id") String userId,
        @JsonProperty("name") String name,
        @JsonProperty("email") String email,
        @JsonProperty("plan") String plan,
        @JsonProperty("created_at") Instant createdAt) {

    static UserResponse of(User user) {
        return new UserResponse(user.id().value(), user.name().map(UserName::value).orElse(null),
                user.email().map(Email::value).orElse(null), user.plan().value(), user.createdAt());
    }
}
