package io.thingbus.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds and rewrites the references to components in a part of an OpenAPI document: every {@code $ref}, and the
 * values of every {@code discriminator.mapping}. Pure functions over Jackson trees.
 */
final class ComponentRefs {

    private ComponentRefs() {
    }

    /**
     * The components {@code from} needs: those it references, those they reference, and so on. A reference to a
     * component that {@code components} does not hold is left out. Changes nothing.
     */
    static Set<ComponentRef> reachable(JsonNode from, ObjectNode components) {
        Set<ComponentRef> found = new LinkedHashSet<>();
        Deque<JsonNode> toVisit = new ArrayDeque<>(List.of(from));
        while (!toVisit.isEmpty()) {
            forEachSlot(toVisit.pop(), slot -> ComponentRef.parse(slot.ref()).ifPresent(ref -> {
                JsonNode component = components.path(ref.type()).get(ref.name());
                if (component != null && found.add(ref)) {
                    toVisit.add(component);
                }
            }));
        }
        return found;
    }

    /** Changes, in place, every reference in {@code node} to a component of {@code newNames} to its new name. */
    static void rename(JsonNode node, Map<ComponentRef, String> newNames) {
        forEachSlot(node, slot -> ComponentRef.parse(slot.ref())
                .filter(newNames::containsKey)
                .ifPresent(target -> slot.replace(target.renamed(slot.ref(), newNames.get(target)))));
    }

    /** Where a reference is written: a text field of an object. */
    private record Slot(ObjectNode holder, String field) {

        String ref() {
            return holder.get(field).asText();
        }

        void replace(String ref) {
            holder.put(field, ref);
        }
    }

    private static void forEachSlot(JsonNode node, Consumer<Slot> action) {
        if (node.isObject()) {
            slotsOf((ObjectNode) node).forEach(action);
        }
        node.forEach(child -> forEachSlot(child, action));
    }

    private static List<Slot> slotsOf(ObjectNode object) {
        List<Slot> slots = new ArrayList<>();
        if (object.path("$ref").isTextual()) {
            slots.add(new Slot(object, "$ref"));
        }
        JsonNode mapping = object.path("discriminator").path("mapping");
        if (mapping.isObject()) {
            mapping.properties().stream()
                    .filter(entry -> entry.getValue().isTextual())
                    .forEach(entry -> slots.add(new Slot((ObjectNode) mapping, entry.getKey())));
        }
        return slots;
    }
}
