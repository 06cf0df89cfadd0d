package io.thingbus.broker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeUpdateRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a shared attribute update into the messages for the gateways of this instance that have its device connected
 * ({@link GatewaySubdevices}): one {@code v1/gateway/attributes} message per gateway client, in the ThingsBoard form
 * {@code {"device":"Device A","data":{"attribute1":"value1"}}}. Keys the update deletes (JSON null) are listed as
 * {@code "deleted":["key"]} inside {@code data}, as ThingsBoard does. Client-scope updates, and devices no gateway here
 * has connected, give no message.
 *
 * <p>Pure apart from the sub-device look-up; thread-safe.
 */
public final class SharedAttributePush {

    /** Shared attribute pushes are QoS 1; HiveMQ lowers it to the QoS the gateway subscribed with. */
    static final int QOS = 1;
    private static final String CONTENT_TYPE = "application/json";

    private final GatewaySubdevices subdevices;
    private final Duration expiry;

    /** @param expiry how long a push may wait for a gateway's offline persistent session */
    public SharedAttributePush(GatewaySubdevices subdevices, Duration expiry) {
        this.subdevices = Objects.requireNonNull(subdevices, "subdevices");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    /** Never null, never throws for a valid record. */
    public List<OutboundMessage> messagesFor(AttributeUpdateRecord update) {
        if (!update.scope().equals(AttributeUpdateRecord.SHARED)) {
            return List.of();
        }
        List<String> gateways = subdevices.gatewaysOf(update.tenant(), update.deviceId());
        if (gateways.isEmpty()) {
            return List.of();
        }
        byte[] payload = GatewayJson.bytes(message(update));
        return gateways.stream()
                .map(gateway -> new OutboundMessage(GatewayTopic.ATTRIBUTES.topic(), QOS, expiry, CONTENT_TYPE,
                        payload, Optional.of(gateway)))
                .toList();
    }

    private static ObjectNode message(AttributeUpdateRecord update) {
        ObjectNode data = GatewayJson.newObject();
        ArrayNode deleted = data.arrayNode();
        for (Map.Entry<String, JsonNode> value : update.values().properties()) {
            if (value.getValue().isNull()) {
                deleted.add(value.getKey());
            } else {
                data.set(value.getKey(), value.getValue());
            }
        }
        if (!deleted.isEmpty()) {
            data.set("deleted", deleted);
        }
        ObjectNode message = GatewayJson.newObject();
        message.put("device", update.deviceId().value());
        message.set("data", data);
        return message;
    }
}
