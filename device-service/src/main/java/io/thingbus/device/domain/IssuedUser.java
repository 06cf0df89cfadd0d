package io.thingbus.device.domain;

import java.util.Objects;

/** A freshly created user with the secrets issued with it. The only moment the API key is readable. */
public record IssuedUser(User user, ApiKey apiKey, DeviceToken deviceToken) {

    public IssuedUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(deviceToken, "deviceToken");
    }
}
