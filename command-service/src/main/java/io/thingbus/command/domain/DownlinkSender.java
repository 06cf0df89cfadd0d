package io.thingbus.command.domain;

import io.thingbus.contracts.DownlinkRecord;

/** Hands downlink records to the brokers (a port). Implementations are thread-safe. */
public interface DownlinkSender {

    /**
     * Sends the record and returns once it is durably written (acknowledged by every in-sync replica). Records of one
     * device sent one after another keep their order.
     *
     * @throws DownlinkUnavailableException when that is not confirmed in time; the record may still have been written
     */
    void send(DownlinkRecord record);
}
