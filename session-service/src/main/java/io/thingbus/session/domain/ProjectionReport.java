package io.thingbus.session.domain;

import java.util.List;

/**
 * What applying a batch of lifecycle records did.
 *
 * @param applied events that changed (or confirmed) the live view
 * @param stale events about a connection that is no longer the client's current one (or a client without a session),
 *     ignored as the contract says
 * @param rejected records that are not usable events, by their index in the batch, skipped
 */
public record ProjectionReport(int applied, int stale, List<Rejected> rejected) {

    /** A record of the batch that was skipped, and why. */
    public record Rejected(int index, String reason) {
    }

    public ProjectionReport {
        rejected = List.copyOf(rejected);
    }
}
