package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceKey;
import java.time.Instant;
import java.util.SortedMap;

/**
 * Device attributes in the current transaction, per device and scope. The device must be registered (deleting it
 * deletes its attributes).
 */
public interface Attributes {

    /** The device's attributes of {@code scope}, ordered by key; empty for an unknown device. */
    SortedMap<AttributeKey, JsonNode> read(DeviceKey device, AttributeScope scope);

    /** Applies {@code patch}: sets each non-null value, deletes each key whose value is JSON null. */
    void apply(DeviceKey device, AttributeScope scope, AttributePatch patch, Instant now);
}
