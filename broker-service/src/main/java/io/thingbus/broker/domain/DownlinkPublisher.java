package io.thingbus.broker.domain;

import java.util.concurrent.CompletionStage;

/**
 * Publishes platform messages to the MQTT sessions of this instance (HiveMQ's publish service in production): to the
 * online subscribers of the topic, and into the queues of offline persistent sessions subscribed to it. These
 * publishes do not come from a client, so no client authorization applies to them.
 *
 * <p>Contract: {@link #publish} never blocks and never throws. The stage completes once the broker has taken the
 * message over (in memory). It completes exceptionally with an {@link IllegalArgumentException} when the broker
 * refuses the message itself (the topic is not a valid MQTT topic name): trying again cannot help. With any other
 * exception (broker not running, overloaded) trying again later may succeed. Thread-safe.
 */
public interface DownlinkPublisher {

    CompletionStage<Void> publish(OutboundMessage message);
}
