package io.thingbus.device.domain;

import java.util.Objects;

/** A user's change of their own profile: name and e-mail, each kept, cleared or set. */
public record ProfileChange(FieldUpdate<UserName> name, FieldUpdate<Email> email) {

    public ProfileChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }
}
