package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.GatewayHeaders;

/**
 * Removes the tenant header ({@link GatewayHeaders#TENANT}) from the parameters a service documents: the gateway sets
 * it from the caller's API key and drops any the caller sends, so callers never send it. Pure function over Jackson
 * trees.
 */
final class TenantHeaderParameters {

    private TenantHeaderParameters() {
    }

    /**
     * Removes, in place, every tenant header parameter of every path item and operation in {@code paths}: written out,
     * or a {@code $ref} to one in {@code components.parameters}. An emptied {@code parameters} list is removed.
     */
    static void removeFrom(ObjectNode paths, ObjectNode components) {
        paths.forEach(pathItem -> {
            removeFromParametersOf(pathItem, components);
            Operations.of(pathItem).forEach(operation -> removeFromParametersOf(operation, components));
        });
    }

    private static void removeFromParametersOf(JsonNode holder, ObjectNode components) {
        JsonNode parameters = holder.path("parameters");
        if (!holder.isObject() || !parameters.isArray()) {
            return;
        }
        ArrayNode kept = ((ArrayNode) parameters).arrayNode();
        parameters.forEach(parameter -> {
            if (!isTenantHeader(resolved(parameter, components))) {
                kept.add(parameter);
            }
        });
        if (kept.isEmpty()) {
            ((ObjectNode) holder).remove("parameters");
        } else {
            ((ObjectNode) holder).set("parameters", kept);
        }
    }

    private static JsonNode resolved(JsonNode parameter, ObjectNode components) {
        return ComponentRef.parse(parameter.path("$ref").asText(null))
                .filter(ref -> ref.type().equals("parameters"))
                .map(ref -> components.path("parameters").path(ref.name()))
                .orElse(parameter);
    }

    private static boolean isTenantHeader(JsonNode parameter) {
        return parameter.path("in").asText().equals("header")
                && parameter.path("name").asText().equalsIgnoreCase(GatewayHeaders.TENANT);
    }
}
