package io.thingbus.device.domain;

import java.util.List;

/** Sends outbox messages to Kafka. */
public interface OutboxPublisher {

    /**
     * Publishes {@code messages} in order and waits for the acknowledgements.
     *
     * @return how many messages from the start of the list were acknowledged; the rest will be offered again
     *         (possibly after some of them did reach Kafka: delivery is at least once)
     */
    int publish(List<OutboxMessage> messages);
}
