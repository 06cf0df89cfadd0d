package io.thingbus.stream.domain;

import java.util.List;

/** Sends outbox messages to Kafka. Used by one thread at a time. */
public interface OutboxPublisher {

    /**
     * Publishes {@code messages} in order and waits for Kafka's acknowledgements.
     *
     * @return how many messages from the start of the list were acknowledged; the rest are offered again later
     *         (some of them may have reached Kafka: delivery is at least once)
     */
    int publish(List<OutboxMessage> messages);
}
