package io.thingbus.broker.domain;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Where the records of accepted publishes go when one publish becomes several records of different kinds (the Kafka
 * telemetry, lifecycle, attribute and device-request topics in production), and the sub-device events the edge
 * re-announces on its own.
 *
 * <p>Contract: {@link #sendAll} never blocks the caller and never throws. The stage completes normally once
 * <em>every</em> record is durably stored (for Kafka: acknowledged by all in-sync replicas), and exceptionally when at
 * least one could not be stored in time (the others may have been: delivery is at least once when the device sends
 * again). The records of one call are written in their order, and calls made one after another keep their order —
 * by the same thread, or by different threads that order their calls themselves (with a lock, as
 * {@link SubdeviceOwnership} does). Completion may run on an I/O thread of the sink: callbacks must be short and
 * non-blocking.
 */
public interface UplinkSink {

    /** @param records at least one record */
    CompletionStage<Void> sendAll(List<Uplink> records);
}
