package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import io.thingbus.broker.domain.AuthenticationFailure;
import io.thingbus.broker.domain.RefusalReason;

/**
 * The MQTT reason codes of the edge's refusals. MQTT 5 clients see them in CONNACK/PUBACK/PUBREC; HiveMQ maps
 * CONNACK codes to their MQTT 3.1.1 return codes, and disconnects an MQTT 3 client whose publish is refused.
 */
final class AckReasons {

    private AckReasons() {
    }

    static AckReasonCode forRefusal(RefusalReason reason) {
        return switch (reason) {
            case FOREIGN_TOKEN, TOPIC_NOT_ALLOWED, TOKEN_REVOKED -> AckReasonCode.NOT_AUTHORIZED;
            case INVALID_TOPIC -> AckReasonCode.TOPIC_NAME_INVALID;
            case INVALID_JSON_PAYLOAD, INVALID_GATEWAY_PAYLOAD -> AckReasonCode.PAYLOAD_FORMAT_INVALID;
            case INVALID_GATEWAY_ID -> AckReasonCode.NOT_AUTHORIZED;
        };
    }

    /** MQTT 3.1.1: SERVER_UNAVAILABLE = 3, CLIENT_IDENTIFIER_NOT_VALID = 2, BAD_USER_NAME_OR_PASSWORD = 4. */
    static ConnackReasonCode forAuthentication(AuthenticationFailure failure) {
        if (failure.isTemporary()) {
            return ConnackReasonCode.SERVER_UNAVAILABLE;
        }
        return failure == AuthenticationFailure.CLIENT_ID_IN_USE
                ? ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID : ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD;
    }

    static String reasonString(AuthenticationFailure failure) {
        if (failure.isTemporary()) {
            return "the broker is still loading device credentials; retry shortly";
        }
        return failure == AuthenticationFailure.CLIENT_ID_IN_USE
                ? "the client id is in use by another account; choose another client id"
                : "bad user name or password";
    }
}
