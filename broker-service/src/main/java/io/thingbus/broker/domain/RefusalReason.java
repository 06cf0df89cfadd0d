package io.thingbus.broker.domain;

import java.util.Locale;

/** Why a device's publish is refused. */
public enum RefusalReason {
    /** The topic's first level is not the connection's own device token. */
    FOREIGN_TOKEN,
    /** A topic of the connection's own token that devices may not publish to (not a telemetry topic). */
    TOPIC_NOT_ALLOWED,
    /** A telemetry topic whose device id or tag is invalid. */
    INVALID_TOPIC,
    /** A {@code json} topic whose payload is neither a JSON object nor a JSON number. */
    INVALID_JSON_PAYLOAD,
    /** A gateway topic whose payload is not JSON or not shaped as the gateway API says (or has no valid entry). */
    INVALID_GATEWAY_PAYLOAD,
    /** A gateway publish from a client whose client id is not a valid device id (a gateway's id is its client id). */
    INVALID_GATEWAY_ID,
    /** The connection's token was revoked (or given to another tenant) after it connected. */
    TOKEN_REVOKED;

    /** The label of this reason in metrics. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
