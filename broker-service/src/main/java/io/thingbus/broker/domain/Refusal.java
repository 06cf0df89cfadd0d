package io.thingbus.broker.domain;

import java.util.Objects;

/**
 * A refused publish: the reason, and a detail for the device (sent as the MQTT 5 reason string). The detail never
 * contains the device token.
 */
public record Refusal(RefusalReason reason, String detail) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    static Refusal foreignToken() {
        return new Refusal(RefusalReason.FOREIGN_TOKEN, "the topic must start with the connection's own device token");
    }

    static Refusal topicNotAllowed() {
        return new Refusal(RefusalReason.TOPIC_NOT_ALLOWED,
                "devices publish only to <DEVICE_TOKEN>/json|bin/<DEVICE_ID>[/<TAG>]");
    }

    static Refusal invalidTopic(String problem) {
        return new Refusal(RefusalReason.INVALID_TOPIC, problem);
    }

    static Refusal invalidJson() {
        return new Refusal(RefusalReason.INVALID_JSON_PAYLOAD,
                "the payload of a json topic must be a JSON object or a JSON number");
    }

    /** The connection's token no longer authenticates. */
    public static Refusal tokenRevoked() {
        return new Refusal(RefusalReason.TOKEN_REVOKED, "the device token has been revoked");
    }
}
