package io.thingbus.broker.domain;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What one change of the claims re-announced ({@link SubdeviceOwnership}): how many sub-device links of this
 * instance's gateway connections got a new owner, and the sink's stage for their records (completes once all are
 * stored, exceptionally when one is not).
 */
public record Reannounced(int links, CompletionStage<Void> stored) {

    public Reannounced {
        if (links < 0) {
            throw new IllegalArgumentException("links must not be negative");
        }
        Objects.requireNonNull(stored, "stored");
    }

    /** Nothing to re-announce: no connection here has the device connected, or its owner did not change. */
    public static Reannounced nothing() {
        return new Reannounced(0, CompletableFuture.completedFuture(null));
    }
}
