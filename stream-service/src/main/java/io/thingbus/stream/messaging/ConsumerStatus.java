package io.thingbus.stream.messaging;

/** What a running consumer reports to the health checks. Thread-safe. */
public interface ConsumerStatus {

    ConsumerState state();

    /** The failure the consumer is retrying after, or empty while all is well. */
    String lastFailure();
}
