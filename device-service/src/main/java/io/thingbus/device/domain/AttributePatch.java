package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Changes to some attributes of one scope, in the order given: each key gets a new JSON value, or is deleted when its
 * value is JSON {@code null} (ThingsBoard's rule). Keys not named stay as they are. Immutable.
 */
public final class AttributePatch {

    private final Map<AttributeKey, JsonNode> changes;

    private AttributePatch(Map<AttributeKey, JsonNode> changes) {
        this.changes = Collections.unmodifiableMap(changes);
    }

    /**
     * The patch a JSON object describes ({@code {"a": 1, "b": null}} sets a, deletes b).
     *
     * @throws IllegalArgumentException when a key is not a valid {@link AttributeKey}
     */
    public static AttributePatch of(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        Map<AttributeKey, JsonNode> changes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            changes.put(AttributeKey.of(field.getKey()), field.getValue() == null ? NullNode.getInstance()
                    : field.getValue().deepCopy());
        }
        return new AttributePatch(changes);
    }

    /** A patch that sets every value of {@code values} (none of which may be JSON null). */
    public static AttributePatch setting(Map<AttributeKey, JsonNode> values) {
        Map<AttributeKey, JsonNode> changes = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value == null || value.isNull()) {
                throw new IllegalArgumentException("a value to set must not be null: " + key);
            }
            changes.put(key, value.deepCopy());
        });
        return new AttributePatch(changes);
    }

    /** A patch that deletes {@code keys}. */
    public static AttributePatch deleting(Collection<AttributeKey> keys) {
        Map<AttributeKey, JsonNode> changes = new LinkedHashMap<>();
        keys.forEach(key -> changes.put(key, NullNode.getInstance()));
        return new AttributePatch(changes);
    }

    /** The changes: a JSON null value means "delete". */
    public Map<AttributeKey, JsonNode> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** What this patch really changes in {@code current}: new or different values, and deletions of existing keys. */
    public AttributePatch effectiveOn(Map<AttributeKey, JsonNode> current) {
        Map<AttributeKey, JsonNode> effective = new LinkedHashMap<>();
        changes.forEach((key, value) -> {
            boolean changes = value.isNull() ? current.containsKey(key) : !value.equals(current.get(key));
            if (changes) {
                effective.put(key, value);
            }
        });
        return new AttributePatch(effective);
    }

    /** The patch as the {@code values} object of an attribute-update record. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        changes.forEach((key, value) -> json.set(key.value(), value.deepCopy()));
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributePatch other && changes.equals(other.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return "AttributePatch" + changes.keySet();
    }
}
