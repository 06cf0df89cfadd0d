package io.thingbus.event.domain;

import java.util.Set;

/**
 * The precondition of a conditional write (HTTP {@code If-Match}): any version, or one of the listed versions.
 * A condition that lists nothing matches nothing.
 */
public final class VersionCondition {

    private static final VersionCondition ANY = new VersionCondition(true, Set.of());

    private final boolean any;
    private final Set<Long> versions;

    private VersionCondition(boolean any, Set<Long> versions) {
        this.any = any;
        this.versions = Set.copyOf(versions);
    }

    /** No precondition (no {@code If-Match}, or {@code If-Match: *}). */
    public static VersionCondition any() {
        return ANY;
    }

    public static VersionCondition oneOf(Set<Long> versions) {
        return new VersionCondition(false, versions);
    }

    public boolean allows(long version) {
        return any || versions.contains(version);
    }
}
