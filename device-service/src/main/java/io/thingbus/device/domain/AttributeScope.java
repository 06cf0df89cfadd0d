package io.thingbus.device.domain;

import io.thingbus.contracts.AttributeUpdateRecord;
import java.util.Arrays;

/**
 * Who writes an attribute: the device (or its gateway) reports {@code client} ones, the user sets {@code shared} ones.
 */
public enum AttributeScope {
    CLIENT(AttributeUpdateRecord.CLIENT),
    SHARED(AttributeUpdateRecord.SHARED);

    private final String wireName;

    AttributeScope(String wireName) {
        this.wireName = wireName;
    }

    /** {@code client} or {@code shared}, as in records, URLs and response bodies. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for anything but {@code client} or {@code shared} */
    public static AttributeScope fromWireName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("scope must be client or shared"));
    }
}
