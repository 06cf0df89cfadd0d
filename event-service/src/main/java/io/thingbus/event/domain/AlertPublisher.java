package io.thingbus.event.domain;

import java.util.List;

/** Publishes alert records on the alerts topic. Called by one relay thread at a time. */
public interface AlertPublisher {

    /**
     * Sends the entries in order and waits for the broker's acknowledgements.
     *
     * @return how many entries, from the first, were acknowledged (a failure stops the count, so nothing overtakes
     *         an entry that was not acknowledged); never throws for a broker failure
     */
    int publish(List<OutboxEntry> entries);
}
