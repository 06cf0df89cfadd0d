package io.thingbus.event.domain;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be accepted, with every violation found (the field, as named in the rule's JSON, and why). */
public final class InvalidRuleException extends EventException {

    /** One invalid field of a rule: its path ({@code operator}, {@code actions.email[1]}) and what is wrong. */
    public record Violation(String field, String message) {
    }

    private final transient List<Violation> violations;

    public InvalidRuleException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public static InvalidRuleException of(String field, String message) {
        return new InvalidRuleException(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
