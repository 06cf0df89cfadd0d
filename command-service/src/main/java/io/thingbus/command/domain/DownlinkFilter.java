package io.thingbus.command.domain;

/**
 * A subscription filter that covers downlink topics.
 *
 * @param coveredDevice the device whose downlink topic it covers, or {@code *} for every device of the session's token
 */
public record DownlinkFilter(String filter, String coveredDevice) {

    /** @throws IllegalArgumentException when the filter is empty or contains NUL, or the device is not a device id or {@code *} */
    public DownlinkFilter {
        Text.require(filter, "filter");
        if (!DownlinkSubscription.isCoveredDevice(coveredDevice)) {
            throw new IllegalArgumentException("device_id must be '*' or a device id");
        }
    }
}
