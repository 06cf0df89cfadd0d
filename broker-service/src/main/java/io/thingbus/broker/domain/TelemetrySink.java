package io.thingbus.broker.domain;

import io.thingbus.contracts.TelemetryRecord;
import java.util.concurrent.CompletionStage;

/**
 * Where accepted telemetry goes (the Kafka telemetry topic in production).
 *
 * <p>Contract: {@link #send} never blocks the caller and never throws. The returned stage completes normally once
 * the record is durably stored (for Kafka: acknowledged by all in-sync replicas), and exceptionally when it cannot
 * be stored in time (the cause says why). Completion may run on an I/O thread of the sink, so callbacks must be
 * short and non-blocking. Records sent one after another by the same thread are stored in that order.
 */
public interface TelemetrySink {

    CompletionStage<Void> send(TelemetryRecord record);
}
