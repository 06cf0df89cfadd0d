package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the one OpenAPI document of the public REST API, as callers see it through the gateway, from the gateway's
 * own document and the documents the services serve about themselves:
 *
 * <ul>
 *   <li>{@code openapi}, {@code info}, the security schemes and the gateway's error responses come from the gateway's
 *       document; {@code servers} is the gateway's public URL, or {@code /};
 *   <li>of each service's document only the paths the {@link RouteTable} sends to that service are kept, sorted;
 *       anything else it serves ({@code /q/...}, paths routed elsewhere or nowhere) is dropped;
 *   <li>the tenant header is removed from every parameter list ({@link TenantHeaderParameters}); every operation
 *       requires what the gateway checks on its route and lists the gateway's errors ({@link OperationExposure});
 *   <li>the components the kept paths need are merged, clashes renamed ({@link MergedComponents}); a service's own
 *       security schemes are dropped, since callers authenticate at the gateway;
 *   <li>the tags the kept operations use are merged by name, the first description winning; an {@code operationId}
 *       taken by an earlier service becomes {@code <service>_<operationId>};
 *   <li>services whose documents could not be fetched are named in {@value #UNAVAILABLE}.
 * </ul>
 *
 * <p>A pure function: the documents given are never changed. Immutable; thread-safe.
 */
public final class ApiDocumentMerger {

    /** The top-level extension naming the services whose paths are missing because their documents were not fetched. */
    public static final String UNAVAILABLE = "x-thingbus-unavailable";

    private static final List<String> LEADING_FIELDS = List.of("openapi", "info", "servers", "security", "tags", "paths",
            "components");

    private final ObjectNode gatewayDocument;
    private final RouteTable routes;
    private final ServerUrl serverUrl;
    private final OperationExposure exposure;

    /**
     * @param gatewayDocument the gateway's own OpenAPI document (authentication and the gateway's errors)
     * @param serverUrl where callers reach the gateway
     * @throws IllegalArgumentException when the gateway's document lacks what every merged operation refers to
     */
    public ApiDocumentMerger(JsonNode gatewayDocument, RouteTable routes, ServerUrl serverUrl) {
        if (!Objects.requireNonNull(gatewayDocument, "gatewayDocument").path("openapi").isTextual()) {
            throw new IllegalArgumentException("the gateway's own API document is no OpenAPI document");
        }
        this.gatewayDocument = gatewayDocument.deepCopy();
        this.routes = Objects.requireNonNull(routes, "routes");
        this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
        this.exposure = new OperationExposure(gatewayDocument);
    }

    /**
     * The merged document.
     *
     * @param documents the services' documents, in the order their components claim names (later ones are renamed)
     * @param unavailable the services whose documents could not be fetched; empty when all could
     */
    public ObjectNode merge(List<ServiceApiDocument> documents, Collection<Upstream> unavailable) {
        Merge merge = new Merge();
        documents.forEach(merge::add);
        return merge.document(unavailable);
    }

    /** One merge in progress: what the services added so far. */
    private final class Merge {

        private final Map<String, JsonNode> paths = new TreeMap<>();
        private final ObjectNode components = gatewayDocument.path("components").isObject()
                ? gatewayDocument.get("components").deepCopy() : JsonNodeFactory.instance.objectNode();
        private final MergedComponents mergedComponents = new MergedComponents(components);
        private final Map<String, JsonNode> tags = new LinkedHashMap<>();
        private final Set<String> operationIds = new HashSet<>();

        Merge() {
            gatewayDocument.path("paths").properties().forEach(path -> paths.put(path.getKey(), path.getValue().deepCopy()));
            gatewayDocument.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag.deepCopy()));
        }

        void add(ServiceApiDocument service) {
            String name = service.upstream().serviceName();
            ObjectNode ownPaths = routedPaths(service);
            ObjectNode ownComponents = service.document().path("components").isObject()
                    ? service.document().get("components").deepCopy() : JsonNodeFactory.instance.objectNode();
            ownComponents.remove("securitySchemes");
            TenantHeaderParameters.removeFrom(ownPaths, ownComponents);
            mergedComponents.add(name, neededBy(ownPaths, ownComponents), ownPaths);
            ownPaths.properties().forEach(path -> addPath(name, path.getKey(), path.getValue()));
            addTags(service.document().path("tags"), ownPaths);
        }

        private ObjectNode routedPaths(ServiceApiDocument service) {
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            service.document().path("paths").properties().forEach(path -> {
                boolean routedHere = routes.lookup(path.getKey()).filter(r -> r.upstream() == service.upstream()).isPresent();
                if (routedHere && path.getValue().isObject()) {
                    kept.set(path.getKey(), path.getValue().deepCopy());
                }
            });
            return kept;
        }

        private static ObjectNode neededBy(ObjectNode ownPaths, ObjectNode ownComponents) {
            Set<ComponentRef> needed = ComponentRefs.reachable(ownPaths, ownComponents);
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            MergedComponents.forEachComponent(ownComponents, (ref, content) -> {
                if (needed.contains(ref)) {
                    kept.withObjectProperty(ref.type()).set(ref.name(), content);
                }
            });
            return kept;
        }

        private void addPath(String service, String path, JsonNode pathItem) {
            Access access = routes.find(path).access();
            Operations.of(pathItem).forEach(operation -> {
                exposure.expose(operation, access);
                makeOperationIdUnique(service, operation);
            });
            paths.put(path, pathItem);
        }

        private void makeOperationIdUnique(String service, ObjectNode operation) {
            if (!operation.path("operationId").isTextual()) {
                return;
            }
            String id = operation.get("operationId").asText();
            String unique = id;
            for (int n = 2; !operationIds.add(unique); n++) {
                unique = service + "_" + id + (n == 2 ? "" : "_" + n);
            }
            operation.put("operationId", unique);
        }

        private void addTags(JsonNode declared, ObjectNode ownPaths) {
            Set<String> used = new HashSet<>();
            ownPaths.forEach(pathItem -> Operations.of(pathItem)
                    .forEach(operation -> operation.path("tags").forEach(tag -> used.add(tag.asText()))));
            declared.forEach(tag -> {
                String name = tag.path("name").asText();
                if (used.contains(name)) {
                    tags.putIfAbsent(name, tag.deepCopy());
                }
            });
        }

        ObjectNode document(Collection<Upstream> unavailable) {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.set("openapi", gatewayDocument.path("openapi").deepCopy());
            document.set("info", gatewayDocument.path("info").deepCopy());
            document.putArray("servers").addObject().put("url", serverUrl.value());
            document.set("security", gatewayDocument.path("security").deepCopy());
            if (!tags.isEmpty()) {
                document.putArray("tags").addAll(tags.values());
            }
            document.putObject("paths").setAll(paths);
            document.set("components", components);
            gatewayDocument.properties().stream()
                    .filter(field -> !LEADING_FIELDS.contains(field.getKey()))
                    .forEach(field -> document.set(field.getKey(), field.getValue().deepCopy()));
            if (!unavailable.isEmpty()) {
                ArrayNode names = document.putArray(UNAVAILABLE);
                unavailable.stream().sorted().distinct().forEach(upstream -> names.add(upstream.serviceName()));
            }
            return document;
        }
    }
}
