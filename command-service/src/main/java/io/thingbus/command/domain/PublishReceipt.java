package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;

/**
 * A message Kafka has acknowledged for delivery.
 *
 * @param id the downlink record's id ({@code ce_id})
 * @param subscribers how many live sessions receive the device's downlink topic right now
 */
public record PublishReceipt(String id, DeviceId device, int qos, int subscribers) {

    public PublishReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
    }

    /** Whether a live session receives the device's downlink topic right now. */
    public boolean subscribed() {
        return subscribers > 0;
    }
}
