package io.thingbus.device.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a partial update does to one optional field: keep it, clear it, or set it.
 *
 * @param <T> the field's value type
 */
public final class FieldUpdate<T> {

    private static final FieldUpdate<?> KEEP = new FieldUpdate<>(false, null);
    private static final FieldUpdate<?> CLEAR = new FieldUpdate<>(true, null);

    private final boolean changes;
    private final T value;

    private FieldUpdate(boolean changes, T value) {
        this.changes = changes;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> keep() {
        return (FieldUpdate<T>) KEEP;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> clear() {
        return (FieldUpdate<T>) CLEAR;
    }

    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, Objects.requireNonNull(value, "value"));
    }

    public Optional<T> applyTo(Optional<T> current) {
        return changes ? Optional.ofNullable(value) : current;
    }
}
