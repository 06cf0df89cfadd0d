package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import java.util.Objects;

/**
 * Whose downlink a subscription receives, as the broker classified its filter: one device ({@code dev-1}) or every
 * device of the session's token ({@value SessionSubscription#ALL_DEVICES}).
 */
public record CoveredDevice(String value) implements Comparable<CoveredDevice> {

    public static final CoveredDevice ALL_OF_TOKEN = new CoveredDevice(SessionSubscription.ALL_DEVICES);

    /** @throws IllegalArgumentException unless {@code value} is {@code *} or a valid device id */
    public CoveredDevice {
        Objects.requireNonNull(value, "device_id");
        if (!SessionSubscription.ALL_DEVICES.equals(value) && !DeviceId.isValid(value)) {
            throw new IllegalArgumentException("device_id must be '*' or a device id");
        }
    }

    public static CoveredDevice of(String value) {
        return new CoveredDevice(value);
    }

    public boolean isAllOfToken() {
        return SessionSubscription.ALL_DEVICES.equals(value);
    }

    /** Device ids first, in their natural order; {@code *} last. */
    @Override
    public int compareTo(CoveredDevice other) {
        if (isAllOfToken() != other.isAllOfToken()) {
            return isAllOfToken() ? 1 : -1;
        }
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
