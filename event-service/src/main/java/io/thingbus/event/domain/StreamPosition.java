package io.thingbus.event.domain;

/**
 * Where a telemetry record was read: its partition and offset. One device's records share a partition, in order, so a
 * rule that remembers the last position it evaluated can tell a record read again (after a crash or a rebalance)
 * from a new one.
 */
public record StreamPosition(int partition, long offset) {

    /** Whether this position comes after {@code earlier} in the same partition; a different partition counts as after. */
    public boolean isAfter(StreamPosition earlier) {
        return partition != earlier.partition || offset > earlier.offset;
    }
}
