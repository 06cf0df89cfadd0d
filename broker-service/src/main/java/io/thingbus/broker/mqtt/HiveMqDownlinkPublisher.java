package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.publish.PublishToClientResult;
import io.thingbus.broker.domain.DownlinkPublisher;
import io.thingbus.broker.domain.OutboundMessage;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes platform messages with HiveMQ's {@link PublishService}: HiveMQ delivers them to the online subscribers of
 * the topic and queues them for offline persistent sessions, with the message expiry as given. A message naming a
 * client goes with {@code publishToClient} to that client only, when one of its subscriptions (online or in its
 * persistent session) matches the topic. Such publishes do not pass the client interceptors or authorizers (they are
 * not a client's). Available while the Thingbus extension runs inside HiveMQ; before and after, every publish fails
 * (to be retried).
 */
@Singleton
final class HiveMqDownlinkPublisher implements DownlinkPublisher {

    /** HiveMQ's largest message expiry (seconds). */
    private static final long MAX_EXPIRY_SECONDS = 4_294_967_295L;

    private volatile PublishService service;

    /** Called by the extension when HiveMQ started it. */
    void attach(PublishService publishService) {
        this.service = publishService;
    }

    /** Called by the extension when HiveMQ stops it. */
    void detach() {
        this.service = null;
    }

    @Override
    public CompletionStage<Delivery> publish(OutboundMessage message) {
        PublishService current = service;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the MQTT broker is not running"));
        }
        Publish publish;
        try {
            publish = toPublish(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "HiveMQ refuses the message: " + e.getMessage(), e));
        }
        try {
            if (message.clientId().isPresent()) {
                return current.publishToClient(publish, message.clientId().get()).thenApply(result ->
                        result == PublishToClientResult.SUCCESSFUL ? Delivery.PUBLISHED : Delivery.NOT_SUBSCRIBED);
            }
            return current.publish(publish).thenApply(published -> Delivery.PUBLISHED);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Publish toPublish(OutboundMessage message) {
        return Builders.publish()
                .topic(message.topic())
                .qos(Qos.valueOf(message.qos()))
                .messageExpiryInterval(Math.min(message.expiry().getSeconds(), MAX_EXPIRY_SECONDS))
                .contentType(message.contentType())
                .payload(ByteBuffer.wrap(message.payload().clone()))
                .build();
    }
}
