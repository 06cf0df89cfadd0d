package io.thingbus.command.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What applying a batch of state records did: how many records had each outcome, and which were skipped.
 *
 * @param rejected records that are not usable, by their index in the batch, skipped
 */
public record StateReport(Map<StateOutcome, Integer> outcomes, List<Rejected> rejected) {

    /** A record of the batch that was skipped, and why. */
    public record Rejected(int index, String reason) {
    }

    public StateReport {
        EnumMap<StateOutcome, Integer> copy = new EnumMap<>(StateOutcome.class);
        copy.putAll(outcomes);
        outcomes = java.util.Collections.unmodifiableMap(copy);
        rejected = List.copyOf(rejected);
    }

    /** How many records had {@code outcome}. */
    public int count(StateOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    /** Registry changes stored. */
    public int devices() {
        return count(StateOutcome.DEVICE_STORED);
    }

    /** Session events applied. */
    public int sessionEvents() {
        return count(StateOutcome.SESSION_APPLIED);
    }

    /** Session events about a connection that is no longer the client's current one, ignored. */
    public int staleSessionEvents() {
        return count(StateOutcome.SESSION_STALE);
    }
}
