package io.thingbus.broker.domain;

import io.thingbus.contracts.SessionEventRecord;

/**
 * Where session lifecycle events go (the Kafka lifecycle topic in production).
 *
 * <p>Contract: {@link #send} never blocks the caller and never throws; it is fire-and-forget (a failure is counted
 * by the sink, not reported). Events sent one after another by the same thread keep their order. Thread-safe.
 */
public interface SessionEventSink {

    void send(SessionEventRecord event);
}
