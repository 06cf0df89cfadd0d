package io.thingbus.device.domain;

/** Told when a transaction that appended outbox messages has committed, so the relay can publish them at once. */
public interface OutboxListener {

    /** Must return quickly and never throw: it is called on the thread that committed. */
    void messagesCommitted();
}
