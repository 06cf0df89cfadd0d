package io.thingbus.broker.mqtt;

import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import io.thingbus.broker.domain.InboundPublish;
import io.thingbus.contracts.Header;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/** HiveMQ's publish packets (a client's PUBLISH, or its will) as the library-free {@link InboundPublish}. */
final class InboundPublishes {

    private InboundPublishes() {
    }

    /** Copies the payload; never changes the packet. */
    static InboundPublish of(PublishPacket packet, String clientId) {
        List<Header> userProperties = packet.getUserProperties().asList().stream()
                .map(p -> new Header(p.getName(), p.getValue()))
                .toList();
        return new InboundPublish(packet.getTopic(), packet.getQos().getQosNumber(), packet.getRetain(), clientId,
                userProperties, bytes(packet.getPayload()));
    }

    private static byte[] bytes(Optional<ByteBuffer> payload) {
        if (payload.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer copy = payload.get().duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
