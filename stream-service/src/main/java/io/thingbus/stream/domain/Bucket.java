package io.thingbus.stream.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One interval of an aggregation that holds points: its start and, per numeric field, the aggregated value.
 *
 * @param values field name → value, in the order given (the store gives them sorted by name)
 */
public record Bucket(Instant time, Map<String, BigDecimal> values) {

    public Bucket {
        Objects.requireNonNull(time, "time");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
