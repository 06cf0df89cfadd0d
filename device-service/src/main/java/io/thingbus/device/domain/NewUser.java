package io.thingbus.device.domain;

import java.util.Objects;
import java.util.Optional;

/** What an operator says about a user to create; every part is optional (the plan defaults by configuration). */
public record NewUser(Optional<UserName> name, Optional<Email> email, Optional<Plan> plan) {

    public NewUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(plan, "plan");
    }
}
