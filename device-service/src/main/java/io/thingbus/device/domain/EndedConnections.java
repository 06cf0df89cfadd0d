package io.thingbus.device.domain;

import java.time.Instant;

/**
 * Gateway connections whose MQTT session ended, in the current transaction, remembered for a while. The broker writes
 * a session's end and the sub-device events of that session with different producers, so a sub-device connect can
 * reach the registry after the end of the connection it was announced over; such a connect must not link the device
 * as connected, since nothing would disconnect it again. Connection ids are unique per connection, so an ended
 * connection never comes back.
 */
public interface EndedConnections {

    /**
     * Remembers that {@code connection} ended at {@code endedAt}, as of {@code rememberedAt} (when this registry learnt
     * it; what {@link #forgetRememberedBefore} goes by). Idempotent: remembering it again only moves
     * {@code rememberedAt}.
     */
    void remember(GatewayConnection connection, Instant endedAt, Instant rememberedAt);

    /** Whether {@code connection} is remembered as ended. */
    boolean ended(GatewayConnection connection);

    /**
     * Forgets the ended connections remembered before {@code cutoff}; keeps the table bounded. A connection that
     * another transaction is remembering at the same time is left for a later call.
     *
     * @return how many were forgotten
     */
    int forgetRememberedBefore(Instant cutoff);
}
