package io.thingbus.stream.messaging;

/**
 * Thrown by a batch handler when the store could not take a batch: the consumer loop commits nothing and reads the
 * batch again after its back-off. It carries only a message for the loop's log and the health check (the cause is an
 * expected outage, or was logged where it happened), so a retry logs one line, not a stack trace.
 */
final class BatchNotStored extends RuntimeException {

    BatchNotStored(String message) {
        super(message, null, false, false);
    }
}
