package io.thingbus.broker.domain;

import java.util.Objects;

/**
 * One entry of a gateway batch that was left out while the valid entries were forwarded: which entry (the device name,
 * with the point's index for telemetry arrays, e.g. {@code Device A[2]}) and why.
 */
public record SkippedEntry(String entry, String problem) {

    public SkippedEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return "'" + entry + "': " + problem;
    }
}
