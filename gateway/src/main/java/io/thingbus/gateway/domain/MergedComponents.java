package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The {@code components} of the merged API document, filled one service at a time. A service's component whose name
 * is new is added; one equal to the component of that name already there is shared; one that clashes (same name,
 * different content) is added as {@code <service>_<name>}, and the service's references to it are rewritten. A
 * component that only references a renamed one clashes too, and is renamed with it.
 *
 * <p>Changes the tree it was given in place; not thread-safe: it lives for one merge.
 */
final class MergedComponents {

    private final ObjectNode components;

    /** @param components the merged document's components, already holding the gateway's own */
    MergedComponents(ObjectNode components) {
        this.components = components;
    }

    /**
     * Adds the components of {@code service}, renaming clashes as described above.
     *
     * @param ownComponents the service's components (a copy: references in it are rewritten in place)
     * @param referrers what else of the service refers to them (its paths), rewritten in place
     * @return the new name of every renamed component
     */
    Map<ComponentRef, String> add(String service, ObjectNode ownComponents, JsonNode referrers) {
        Map<ComponentRef, String> renames = renamesFor(service, ownComponents);
        ComponentRefs.rename(ownComponents, renames);
        ComponentRefs.rename(referrers, renames);
        forEachComponent(ownComponents, (ref, content) ->
                components.withObjectProperty(ref.type()).set(renames.getOrDefault(ref, ref.name()), content));
        return renames;
    }

    /** Renames until no component of the service, with its references rewritten, clashes any more. */
    private Map<ComponentRef, String> renamesFor(String service, ObjectNode ownComponents) {
        Map<ComponentRef, String> renames = new HashMap<>();
        boolean clashesLeft = true;
        while (clashesLeft) {
            ObjectNode candidate = ownComponents.deepCopy();
            ComponentRefs.rename(candidate, renames);
            Map<ComponentRef, String> more = new HashMap<>();
            forEachComponent(candidate, (ref, content) -> {
                if (!renames.containsKey(ref) && clashes(ref, content)) {
                    more.put(ref, freeName(service, ref, ownComponents, renames, more));
                }
            });
            renames.putAll(more);
            clashesLeft = !more.isEmpty();
        }
        return renames;
    }

    private boolean clashes(ComponentRef ref, JsonNode content) {
        JsonNode present = components.path(ref.type()).get(ref.name());
        return present != null && !present.equals(content);
    }

    private String freeName(String service, ComponentRef ref, ObjectNode ownComponents,
            Map<ComponentRef, String> renames, Map<ComponentRef, String> more) {
        String base = service + "_" + ref.name();
        String name = base;
        for (int n = 2; isTaken(ref.type(), name, ownComponents, renames, more); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private boolean isTaken(String type, String name, ObjectNode ownComponents,
            Map<ComponentRef, String> renames, Map<ComponentRef, String> more) {
        return components.path(type).has(name) || ownComponents.path(type).has(name)
                || isTarget(type, name, renames) || isTarget(type, name, more);
    }

    private static boolean isTarget(String type, String name, Map<ComponentRef, String> renames) {
        return renames.entrySet().stream().anyMatch(e -> e.getKey().type().equals(type) && e.getValue().equals(name));
    }

    /** Calls {@code action} for every component: each named entry of each section ({@code x-} extensions skipped). */
    static void forEachComponent(ObjectNode components, BiConsumer<ComponentRef, JsonNode> action) {
        components.properties().forEach(section -> {
            if (section.getValue().isObject() && !section.getKey().startsWith("x-")) {
                section.getValue().properties().forEach(entry ->
                        action.accept(new ComponentRef(section.getKey(), entry.getKey()), entry.getValue()));
            }
        });
    }
}
