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
            case INVALID_JSON_PAYLOAD -> AckReasonCode.PAYLOAD_FORMAT_INVALID;
        };
    }

    static ConnackReasonCode forAuthentication(AuthenticationFailure failure) {
        return failure.isTemporary() ? ConnackReasonCode.SERVER_UNAVAILABLE : ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD;
    }

    static String reasonString(AuthenticationFailure failure) {
        return failure.isTemporary()
                ? "the broker is still loading device credentials; retry shortly"
                : "bad user name or password";
    }
}
