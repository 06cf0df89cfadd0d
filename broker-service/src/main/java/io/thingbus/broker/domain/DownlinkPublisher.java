package io.thingbus.broker.domain;

import java.util.concurrent.CompletionStage;

/**
 * Publishes platform messages to the MQTT sessions of this instance (HiveMQ's publish service in production): to the
 * online subscribers of the topic, and into the queues of offline persistent sessions subscribed to it — or, for a
 * message naming a client, to that one client only, if one of its subscriptions matches the topic. These publishes do
 * not come from a client, so no client authorization applies to them.
 *
 * <p>Contract: {@link #publish} never blocks and never throws. The stage completes once the broker has taken the
 * message over (in memory), with {@link Delivery#NOT_SUBSCRIBED} when the named client has no matching subscription
 * (nothing was delivered). It completes exceptionally with an {@link IllegalArgumentException} when the broker
 * refuses the message itself (the topic is not a valid MQTT topic name): trying again cannot help. With any other
 * exception (broker not running, overloaded) trying again later may succeed. Thread-safe.
 */
public interface DownlinkPublisher {

    CompletionStage<Delivery> publish(OutboundMessage message);

    /** What the broker did with a message it took over. */
    enum Delivery {
        /** Handed to the subscribed sessions (a message to every subscriber: also when there are none). */
        PUBLISHED,
        /** The named client has no subscription matching the topic: delivered to nobody. */
        NOT_SUBSCRIBED
    }
}
