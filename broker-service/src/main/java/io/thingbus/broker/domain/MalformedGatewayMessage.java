package io.thingbus.broker.domain;

/**
 * A gateway message, or one entry of a batch, that does not follow the gateway API: the detail says what is wrong, in
 * words a gateway maker understands (it becomes the MQTT 5 reason string). Never carries a device token.
 */
final class MalformedGatewayMessage extends RuntimeException {

    MalformedGatewayMessage(String detail) {
        super(detail, null, false, false);
    }

    String detail() {
        return getMessage();
    }
}
