package io.thingbus.event.domain;

/** What the user calls a rule; it appears in mail subjects, so it has no line breaks: 1–200 printable characters. */
public record RuleName(String value) {

    public static final int MAX_LENGTH = 200;

    public RuleName {
        PrintableText.require(value, MAX_LENGTH);
    }

    public static RuleName of(String value) {
        return new RuleName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
