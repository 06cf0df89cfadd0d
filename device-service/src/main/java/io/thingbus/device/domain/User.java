package io.thingbus.device.domain;

import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A user (tenant): the owner of devices, tokens and data. Holds no secret. */
public record User(
        TenantId id,
        Optional<UserName> name,
        Optional<Email> email,
        Plan plan,
        Instant createdAt,
        Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public User withProfile(ProfileChange change, Instant now) {
        return new User(id, change.name().applyTo(name), change.email().applyTo(email), plan, createdAt, now);
    }
}
