package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
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

    static Refusal gatewayTopicNotAllowed() {
        return new Refusal(RefusalReason.TOPIC_NOT_ALLOWED, "gateways publish only to v1/gateway/connect, disconnect,"
                + " telemetry, attributes, attributes/request, rpc or claim");
    }

    static Refusal invalidGatewayId() {
        return new Refusal(RefusalReason.INVALID_GATEWAY_ID, "a gateway's MQTT client id is its device id: 1-"
                + DeviceId.MAX_LENGTH + " characters, no '/', '+', '#' or control characters,"
                + " no leading or trailing blanks");
    }

    static Refusal invalidGatewayPayload(GatewayTopic topic, String problem) {
        return new Refusal(RefusalReason.INVALID_GATEWAY_PAYLOAD, topic.topic() + ": " + problem);
    }

    /** A will on a gateway topic: HiveMQ would deliver it to every subscriber of that topic, of every tenant. */
    public static Refusal gatewayWill() {
        return new Refusal(RefusalReason.TOPIC_NOT_ALLOWED, "a will may not use a v1/gateway topic");
    }

    /** The connection's token no longer authenticates. */
    public static Refusal tokenRevoked() {
        return new Refusal(RefusalReason.TOKEN_REVOKED, "the device token has been revoked");
    }
}
