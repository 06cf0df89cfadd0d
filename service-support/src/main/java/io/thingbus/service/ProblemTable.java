package io.thingbus.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which problem each kind of exception a service throws becomes, written as a table: one row per exception type, read
 * top-down, the first row whose type the exception is an instance of wins (so list a subclass before its parent);
 * an exception no row matches becomes the fallback. Each service's mapper holds one, which keeps the
 * exception→problem decisions in one readable place. Immutable and thread-safe once built.
 *
 * <pre>{@code
 * ProblemTable.of(StreamException.class)
 *         .when(ChannelNotFoundException.class, e -> CHANNEL_NOT_FOUND)
 *         .when(InvalidPointException.class, e -> Problem.invalid(e.getMessage(), List.of()))
 *         .otherwise(e -> Problem.internalError());
 * }</pre>
 *
 * @param <E> the base type of the exceptions the table maps
 */
public final class ProblemTable<E extends Throwable> {

    private final List<Row<? extends E>> rows;
    private final Function<? super E, Problem> fallback;

    private ProblemTable(List<Row<? extends E>> rows, Function<? super E, Problem> fallback) {
        this.rows = List.copyOf(rows);
        this.fallback = fallback;
    }

    /** Starts a table over exceptions of {@code base} (the type only guides the compiler). */
    public static <E extends Throwable> Builder<E> of(Class<E> base) {
        Objects.requireNonNull(base, "base");
        return new Builder<>();
    }

    /** The problem of the first row {@code exception} matches, or the fallback's; never null. */
    public Problem problemFor(E exception) {
        for (Row<? extends E> row : rows) {
            if (row.type().isInstance(exception)) {
                return row.problemFor(exception);
            }
        }
        return Objects.requireNonNull(fallback.apply(exception), "fallback problem");
    }

    /** Collects the rows in order; not thread-safe, meant for a static initialiser. */
    public static final class Builder<E extends Throwable> {

        private final List<Row<? extends E>> rows = new ArrayList<>();

        private Builder() {
        }

        /** Adds a row: an exception of {@code type} (or a subtype) becomes what {@code problem} makes of it. */
        public <X extends E> Builder<E> when(Class<X> type, Function<? super X, Problem> problem) {
            rows.add(new Row<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(problem, "problem")));
            return this;
        }

        /** Ends the table: what matches no row becomes what {@code problem} makes of it. */
        public ProblemTable<E> otherwise(Function<? super E, Problem> problem) {
            return new ProblemTable<>(rows, Objects.requireNonNull(problem, "problem"));
        }
    }

    private record Row<X extends Throwable>(Class<X> type, Function<? super X, Problem> problem) {

        Problem problemFor(Throwable exception) {
            return Objects.requireNonNull(problem.apply(type.cast(exception)), () -> "problem of " + type.getName());
        }
    }
}
