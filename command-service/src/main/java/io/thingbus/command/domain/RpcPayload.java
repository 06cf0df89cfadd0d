package io.thingbus.command.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceId;

/**
 * The message a ThingsBoard gateway receives on {@code v1/gateway/rpc}:
 * {@code {"device":"<device>","data":{"id":<id>,"method":"<method>","params":<params>}}}. Thread-safe.
 */
public final class RpcPayload {

    /** The MQTT topic every ThingsBoard gateway subscribes to for server-side RPC. */
    public static final String GATEWAY_RPC_TOPIC = "v1/gateway/rpc";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RpcPayload() {
    }

    /** The UTF-8 JSON bytes for the gateway. */
    public static byte[] forGateway(DeviceId device, long id, String method, JsonNode params) {
        ObjectNode message = JSON.createObjectNode();
        message.put("device", device.value());
        ObjectNode data = message.putObject("data");
        data.put("id", id);
        data.put("method", method);
        data.set("params", params);
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an RPC message", e);
        }
    }
}
