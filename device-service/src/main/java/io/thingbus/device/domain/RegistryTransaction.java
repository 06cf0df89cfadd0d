package io.thingbus.device.domain;

/**
 * The registry as seen inside one transaction. Single-threaded: used only by the work it was handed to.
 *
 * <p>Ordering rule for callers: write the entity before appending the outbox message that announces it. The entity
 * write locks the row, so two transactions changing the same thing append their messages in commit order, and the
 * relay publishes them in that order.
 */
public interface RegistryTransaction {

    Users users();

    Credentials credentials();

    Devices devices();

    Outbox outbox();

    SubdeviceLinks links();

    EndedConnections endedConnections();

    Attributes attributes();

    Claims claims();

    Channels channels();
}
