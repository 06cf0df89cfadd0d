package io.thingbus.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The manifests helm rendered, parsed, with look-ups by kind and name. Immutable. */
final class RenderedChart {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final List<JsonNode> manifests;

    private RenderedChart(List<JsonNode> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    static RenderedChart parse(String multiDocumentYaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            List<JsonNode> manifests = new ArrayList<>();
            documents.forEachRemaining(document -> {
                if (document != null && document.hasNonNull("kind")) {
                    manifests.add(document);
                }
            });
            return new RenderedChart(manifests);
        } catch (IOException e) {
            throw new UncheckedIOException("helm rendered YAML that does not parse", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return manifests.stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
    }

    List<String> namesOf(String kind) {
        return ofKind(kind).stream().map(m -> m.path("metadata").path("name").asText()).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(m -> m.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + names()));
    }

    /** The Deployment of one service, by its component name (e.g. "device-service"). */
    JsonNode deployment(String component) {
        return get("Deployment", ThingbusChart.FULLNAME + "-" + component);
    }

    /** The first container of a Deployment, StatefulSet or Job. */
    static JsonNode container(JsonNode workload) {
        return workload.path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** A container's environment variable, by name. */
    static Optional<JsonNode> env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst();
    }

    /** A container's environment variable that must be there. */
    static JsonNode requiredEnv(JsonNode container, String name) {
        return env(container, name).orElseThrow(() -> new AssertionError(
                "no env " + name + " in container " + container.path("name").asText()));
    }

    /** The plain value of a container's environment variable that must be there. */
    static String envValue(JsonNode container, String name) {
        return requiredEnv(container, name).path("value").asText();
    }

    private List<String> names() {
        return manifests.stream().map(m -> m.path("kind").asText() + "/" + m.path("metadata").path("name").asText()).toList();
    }
}
