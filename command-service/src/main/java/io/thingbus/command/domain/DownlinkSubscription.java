package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import java.util.Objects;
import java.util.Optional;

/**
 * A live session's subscription that covers downlink topics, as the broker classified it.
 *
 * @param clientId the session's MQTT client id
 * @param sessionTokenHash the hash of the token the session authenticated with; empty when the broker did not say
 * @param coveredDevice the device whose downlink topic the filter covers, or {@code *} for every device of the
 *     session's token
 */
public record DownlinkSubscription(String clientId, Optional<SecretHash> sessionTokenHash, String coveredDevice) {

    public DownlinkSubscription {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(sessionTokenHash, "sessionTokenHash");
        Objects.requireNonNull(coveredDevice, "coveredDevice");
        if (!isCoveredDevice(coveredDevice)) {
            throw new IllegalArgumentException("covered device must be '*' or a device id");
        }
    }

    /** Whether {@code value} can be a subscription's {@code device_id}: {@code *} or a device id. Never throws. */
    public static boolean isCoveredDevice(String value) {
        return SessionSubscription.ALL_DEVICES.equals(value) || DeviceId.isValid(value);
    }

    public boolean coversEveryDeviceOfItsToken() {
        return SessionSubscription.ALL_DEVICES.equals(coveredDevice);
    }
}
