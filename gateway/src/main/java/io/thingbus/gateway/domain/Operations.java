package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The operations of an OpenAPI path item: its {@code get}, {@code put}, {@code post} … objects. */
final class Operations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private Operations() {
    }

    /** The operation objects of {@code pathItem}, in method order; empty when it is no object. */
    static List<ObjectNode> of(JsonNode pathItem) {
        return METHODS.stream()
                .map(pathItem::path)
                .filter(JsonNode::isObject)
                .map(ObjectNode.class::cast)
                .toList();
    }
}
