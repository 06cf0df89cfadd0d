package io.thingbus.broker.domain;

import java.util.Locale;

/** Why a downlink record is not published by this instance. */
public enum DownlinkSkipReason {
    /** The record's expiry has passed. */
    EXPIRED,
    /** This instance has not seen the token the topic needs: no session of it exists here. */
    UNKNOWN_TOKEN,
    /** The token has been revoked since (or now belongs to another tenant than the record's). */
    TOKEN_NOT_VALID,
    /** The resulting topic is not a valid MQTT topic name. */
    INVALID_TOPIC,
    /** The record does not follow its schema. */
    MALFORMED,
    /** The topic is one every tenant uses ({@code v1/...}) but the record names no client to deliver to. */
    CLIENT_REQUIRED,
    /** The record names a client that has no connection or session on this instance. */
    UNKNOWN_CLIENT,
    /** The record names a client whose connection or session belongs to another tenant than the record's. */
    CLIENT_NOT_VALID,
    /** The record names a client that has no subscription matching the topic. */
    NOT_SUBSCRIBED;

    /** The label of this reason in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
