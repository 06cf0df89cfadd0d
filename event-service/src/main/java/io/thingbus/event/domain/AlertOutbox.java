package io.thingbus.event.domain;

/**
 * Alert records queued in the transactions that fired or settled alerts, published from here in queue order and
 * removed once acknowledged (at least once). Only one instance drains at a time, so the order holds across instances.
 * Thread-safe.
 */
public interface AlertOutbox {

    /** What one drain did. */
    record Drained(int offered, int published) {

        /** Whether some offered entries were not acknowledged (they stay queued). */
        public boolean incomplete() {
            return published < offered;
        }
    }

    /**
     * Offers up to {@code limit} of the oldest entries to the publisher and removes those it acknowledged. Does
     * nothing (offers 0) while another instance drains.
     *
     * @throws StoreUnavailableException when the database fails
     */
    Drained drain(int limit, AlertPublisher publisher);
}
