package io.thingbus.event.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a rule compares a field's value: with one threshold, or with a range [low, high] (bounds included). */
public enum Operator {
    GREATER(">", false),
    GREATER_OR_EQUAL(">=", false),
    LESS("<", false),
    LESS_OR_EQUAL("<=", false),
    EQUAL("==", false),
    NOT_EQUAL("!=", false),
    /** Below low or above high. */
    OUTSIDE("outside", true),
    /** From low to high, both included. */
    INSIDE("inside", true);

    private final String symbol;
    private final boolean range;

    Operator(String symbol, boolean range) {
        this.symbol = symbol;
        this.range = range;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator takes {@code low} and {@code high} rather than one {@code threshold}. */
    public boolean isRange() {
        return range;
    }

    /** Whether a hysteresis band makes sense: not for {@code ==} and {@code !=}. */
    public boolean allowsHysteresis() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    public static Optional<Operator> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }

    /** The symbols, for messages: {@code >, >=, <, <=, ==, !=, outside, inside}. */
    public static String symbols() {
        return Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", "));
    }
}
