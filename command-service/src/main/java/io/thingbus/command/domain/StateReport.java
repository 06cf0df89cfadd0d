package io.thingbus.command.domain;

import java.util.List;

/**
 * What applying a batch of state records did.
 *
 * @param devices registry changes stored
 * @param sessionEvents session events applied
 * @param staleSessionEvents session events about a connection that is no longer the client's current one, ignored
 * @param rejected records that are not usable, by their index in the batch, skipped
 */
public record StateReport(int devices, int sessionEvents, int staleSessionEvents, List<Rejected> rejected) {

    /** A record of the batch that was skipped, and why. */
    public record Rejected(int index, String reason) {
    }

    public StateReport {
        rejected = List.copyOf(rejected);
    }
}
