package io.thingbus.stream.persistence;

import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Tells the outbox relay that a transaction which wrote outbox rows has committed, so they are published at once
 * rather than at the relay's next scheduled round. Thread-safe.
 */
@Singleton
public class OutboxSignal {

    private volatile Runnable listener = () -> { };

    /** The action to run after each such commit; it must return quickly and never throw. Replaces any previous one. */
    public void listen(Runnable listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Called after a commit that wrote outbox rows, on the committing thread. */
    void committed() {
        listener.run();
    }
}
