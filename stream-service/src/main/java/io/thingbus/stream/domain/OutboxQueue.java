package io.thingbus.stream.domain;

/** The outbox as the relay sees it: committed messages waiting to be published, oldest first. Thread-safe. */
public interface OutboxQueue {

    /** What one drain did: how many messages it offered to the publisher and how many of them were published. */
    record Drained(int offered, int published) {

        public static final Drained NOTHING = new Drained(0, 0);

        /** Whether some offered messages stay in the outbox because Kafka did not take them. */
        public boolean incomplete() {
            return published < offered;
        }
    }

    /**
     * Hands up to {@code maxMessages} of the oldest waiting messages, in the order they were written, to
     * {@code publisher}, and removes those it reports as published. Only one drain runs at a time across all
     * instances sharing the database (so records leave in the order they were written); a call that finds another
     * drain running returns {@link Drained#NOTHING} at once.
     *
     * @throws StoreUnavailableException when the store failed; nothing was removed
     */
    Drained drain(int maxMessages, OutboxPublisher publisher);
}
