package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import java.time.Duration;

/**
 * A QoS 1/2 publish whose PUBACK/PUBREC HiveMQ holds until the edge knows that Kafka stored what it became. If the
 * edge does not release it within the timeout, HiveMQ answers on its own with {@code UNSPECIFIED_ERROR} (MQTT 3
 * clients are disconnected) and prevents delivery; a later release is then a no-op.
 *
 * <p>Released once, from any thread.
 */
final class AcknowledgementHold {

    private final Async<PublishInboundOutput> held;

    private AcknowledgementHold(Async<PublishInboundOutput> held) {
        this.held = held;
    }

    /** Holds the acknowledgement of the publish {@code output} belongs to; call on the interceptor's thread. */
    static AcknowledgementHold hold(PublishInboundOutput output, Duration timeout) {
        return new AcknowledgementHold(output.async(timeout, TimeoutFallback.FAILURE, AckReasonCode.UNSPECIFIED_ERROR,
                "the message was not stored in time"));
    }

    /**
     * Lets HiveMQ answer: on {@code error}, with {@code UNSPECIFIED_ERROR} and no delivery; otherwise with success,
     * and the publish goes on to MQTT subscribers only when {@code deliver} is true.
     */
    void release(Throwable error, boolean deliver) {
        if (held.getStatus() != Async.Status.RUNNING) {
            return; // timed out: HiveMQ already answered with the fallback
        }
        try {
            if (error != null) {
                held.getOutput().preventPublishDelivery(AckReasonCode.UNSPECIFIED_ERROR, "the message could not be stored");
            } else if (!deliver) {
                held.getOutput().preventPublishDelivery();
            }
        } catch (UnsupportedOperationException alreadyTimedOut) {
            // the timeout fallback won the race and already prevented delivery
        } finally {
            held.resume();
        }
    }
}
