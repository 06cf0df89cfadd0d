package io.thingbus.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The gateway's own OpenAPI document, {@code META-INF/openapi.yaml}: how callers authenticate and the errors the
 * gateway answers itself. {@code /q/openapi} serves it alone; {@code GET /openapi} merges the services' documents into
 * it.
 */
public final class OwnApiDocument {

    static final String RESOURCE = "META-INF/openapi.yaml";

    private OwnApiDocument() {
    }

    /** @throws IllegalStateException when the resource is missing or no YAML: the gateway is built wrong */
    public static JsonNode load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway");
            }
            return ApiDocumentFormat.YAML.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }
}
