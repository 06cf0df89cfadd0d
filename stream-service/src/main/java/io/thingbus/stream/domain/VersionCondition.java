package io.thingbus.stream.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The versions a change is allowed to apply to (HTTP {@code If-Match}): any version, or one of a given set. Checked
 * by the store while it holds the channel, so no other change can slip in between check and write. Immutable.
 */
public final class VersionCondition {

    private static final VersionCondition ANY = new VersionCondition(null);

    private final Set<Long> accepted;

    private VersionCondition(Set<Long> accepted) {
        this.accepted = accepted;
    }

    /** No condition: the change applies to whatever version is current. */
    public static VersionCondition any() {
        return ANY;
    }

    /** The change applies only when the current version is one of these (none: never). */
    public static VersionCondition oneOf(Set<Long> versions) {
        return new VersionCondition(Set.copyOf(Objects.requireNonNull(versions, "versions")));
    }

    /** @throws VersionMismatchException when {@code current} is not accepted */
    public void check(long current) {
        if (accepted != null && !accepted.contains(current)) {
            throw new VersionMismatchException();
        }
    }

    @Override
    public String toString() {
        return accepted == null ? "any version" : "one of versions " + accepted;
    }
}
