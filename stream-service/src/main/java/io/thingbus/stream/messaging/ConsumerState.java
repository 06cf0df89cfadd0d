package io.thingbus.stream.messaging;

/** What a Kafka consumer of this service is doing. */
public enum ConsumerState {
    /** Created, not yet subscribed. */
    STARTING,
    /** Polling and storing normally. */
    CONSUMING,
    /** Waiting to retry a batch the store (or Kafka) failed; nothing is committed or skipped meanwhile. */
    RETRYING,
    /** Stopped on request. */
    STOPPED,
    /** Stopped by an unexpected failure; the service needs a restart (liveness reports it). */
    FAILED
}
