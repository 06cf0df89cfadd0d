package io.thingbus.broker.domain;

/** Why a connection attempt was refused. */
public enum AuthenticationFailure {
    /** No user name or no password. */
    MISSING_CREDENTIALS,
    /** The user name is not a tenant id or the password is not a device token. */
    MALFORMED_CREDENTIALS,
    /** The token is not (or no longer) accepted. */
    UNKNOWN_TOKEN,
    /** The token belongs to another tenant than the user name. */
    WRONG_TENANT,
    /** The token is not known yet, but the credentials are still loading: trying again shortly may succeed. */
    CREDENTIALS_LOADING,
    /**
     * The credentials are valid, but the client id is held by another tenant's connection or persistent session on
     * this instance (see {@link ClientSessions}).
     */
    CLIENT_ID_IN_USE;

    /** Whether the same credentials may be accepted later without any change (only while loading). */
    public boolean isTemporary() {
        return this == CREDENTIALS_LOADING;
    }

    /** The label of this failure in metrics. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
