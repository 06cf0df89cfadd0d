package io.thingbus.command.domain;

/**
 * What one sweep over the stored RPCs did.
 *
 * @param expired queued RPCs whose expiry passed
 * @param timedOut sent two-way RPCs whose timeout passed without an answer
 * @param claimed queued RPCs taken for sending (their device was connected through a gateway)
 * @param dispatched claimed RPCs that Kafka acknowledged
 * @param failed claimed RPCs whose send Kafka did not acknowledge (retried after the dispatch lease)
 * @param deleted finished RPCs removed after the retention
 */
public record SweepReport(int expired, int timedOut, int claimed, int dispatched, int failed, int deleted) {

    /** Whether the sweep took a full batch, so more RPCs may be waiting to be sent. */
    public boolean fullBatch(int batchSize) {
        return claimed >= batchSize;
    }
}
