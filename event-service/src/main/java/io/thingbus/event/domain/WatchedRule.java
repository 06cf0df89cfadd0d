package io.thingbus.event.domain;

import java.util.Objects;

/** A rule together with where its evaluation stands. */
public record WatchedRule(Rule rule, RuleState state) {

    public WatchedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
    }
}
