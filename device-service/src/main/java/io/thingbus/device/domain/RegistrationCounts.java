package io.thingbus.device.domain;

/**
 * What registering devices seen in device records did: how many were registered, how many were not because their
 * tenant is no registered user, and how many were not because they were claimed away from that tenant.
 */
public record RegistrationCounts(int registered, int unknownTenant, int claimedAway) {

    public static final RegistrationCounts NONE = new RegistrationCounts(0, 0, 0);

    /** These counts plus one outcome. */
    public RegistrationCounts plus(UplinkRegistration.Result result) {
        return switch (result) {
            case REGISTERED -> new RegistrationCounts(registered + 1, unknownTenant, claimedAway);
            case UNKNOWN_TENANT -> new RegistrationCounts(registered, unknownTenant + 1, claimedAway);
            case CLAIMED_AWAY -> new RegistrationCounts(registered, unknownTenant, claimedAway + 1);
            case EXISTING -> this;
        };
    }
}
