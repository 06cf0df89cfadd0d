package io.thingbus.device.domain;

/** The transactional outbox, as written by registry changes. */
public interface Outbox {

    /** Stores {@code message} in the current transaction; it is published only if and after that commits. */
    void append(OutboxMessage message);
}
