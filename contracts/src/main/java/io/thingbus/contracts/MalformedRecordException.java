package io.thingbus.contracts;

/**
 * A Kafka record that does not follow its documented schema. Consumers log and count it, and skip it: one bad
 * record must never stop a partition.
 */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
