package io.thingbus.device.api;

import io.thingbus.device.domain.AttributeKey;
import io.thingbus.device.domain.AttributeScope;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns query parameters into value objects; an invalid one is a 400 problem naming the parameter. */
final class QueryInput {

    private QueryInput() {
    }

    /** {@code client} or {@code shared}; absent = both. */
    static Set<AttributeScope> scopes(String raw) {
        if (raw == null || raw.isEmpty()) {
            return EnumSet.allOf(AttributeScope.class);
        }
        try {
            return EnumSet.of(AttributeScope.fromWireName(raw));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidField("query.scope", e.getMessage()));
        }
    }

    /** Attribute keys, comma-separated and/or repeated ({@code keys=a,b&keys=c}); absent = none. */
    static Set<AttributeKey> attributeKeys(List<String> raw) {
        Set<AttributeKey> keys = new LinkedHashSet<>();
        if (raw == null) {
            return keys;
        }
        for (String parameter : raw) {
            for (String key : parameter.split(",", -1)) {
                if (!key.isEmpty()) {
                    keys.add(attributeKey(key));
                }
            }
        }
        return keys;
    }

    private static AttributeKey attributeKey(String raw) {
        try {
            return AttributeKey.of(raw);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalidField("query.keys", e.getMessage()));
        }
    }
}
