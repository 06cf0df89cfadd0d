package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an operation a service documents is offered at the gateway: it requires what the gateway checks on its route
 * (an API key, or on an operator route the {@code X-Admin-Key} that device-service checks), and lists the errors the
 * gateway itself may answer instead of the service, unless the operation documents that status already. Everything
 * it refers to comes from the gateway's own document. Immutable; thread-safe.
 */
final class OperationExposure {

    static final String ADMIN_KEY_SCHEME = "adminKey";

    private static final Map<String, String> API_KEY_ERRORS = orderedMap(
            "401", "Unauthorized", "502", "BadGateway", "503", "ServiceUnavailable", "504", "GatewayTimeout");
    private static final Map<String, String> OPERATOR_ERRORS = orderedMap("502", "BadGateway", "504", "GatewayTimeout");

    private final ArrayNode apiKeySecurity;
    private final ArrayNode operatorSecurity;

    /**
     * @param gatewayDocument the gateway's own document: its top-level {@code security} is what an API key route
     *     requires
     * @throws IllegalArgumentException when the gateway's document lacks the security requirement, the admin key
     *     scheme or one of its error responses
     */
    OperationExposure(JsonNode gatewayDocument) {
        JsonNode security = gatewayDocument.path("security");
        require(security.isArray() && !security.isEmpty(), "a top-level security requirement");
        require(gatewayDocument.path("components").path("securitySchemes").has(ADMIN_KEY_SCHEME),
                "the security scheme " + ADMIN_KEY_SCHEME);
        API_KEY_ERRORS.values().forEach(name -> require(gatewayDocument.path("components").path("responses").has(name),
                "the response " + name));
        this.apiKeySecurity = (ArrayNode) security.deepCopy();
        this.operatorSecurity = JsonNodeFactory.instance.arrayNode();
        operatorSecurity.addObject().putArray(ADMIN_KEY_SCHEME);
    }

    /** Sets, in place, the security requirement and the gateway's errors of {@code operation} on a route of {@code access}. */
    void expose(ObjectNode operation, Access access) {
        boolean operator = access == Access.OPERATOR;
        operation.set("security", (operator ? operatorSecurity : apiKeySecurity).deepCopy());
        ObjectNode responses = operation.withObjectProperty("responses");
        (operator ? OPERATOR_ERRORS : API_KEY_ERRORS).forEach((status, name) -> {
            if (!responses.has(status)) {
                responses.putObject(status).put("$ref", "#/components/responses/" + name);
            }
        });
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalArgumentException("the gateway's own API document lacks " + what);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
