package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * The OpenAPI document one service serves about itself ({@code /q/openapi}), as the gateway fetched it.
 *
 * @param document an OpenAPI 3 document: an object whose {@code openapi} field names a 3.x version; whoever merges it
 *     never changes it
 * @throws IllegalArgumentException when {@code document} is not an OpenAPI 3 document
 */
public record ServiceApiDocument(Upstream upstream, JsonNode document) {

    public ServiceApiDocument {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(document, "document");
        if (!document.isObject() || !document.path("openapi").asText().startsWith("3.")) {
            throw new IllegalArgumentException(upstream.serviceName() + " served no OpenAPI 3 document");
        }
        if (document.has("paths") && !document.get("paths").isObject()) {
            throw new IllegalArgumentException(upstream.serviceName() + " served an OpenAPI document whose paths are no object");
        }
    }
}
