package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.Objects;
import java.util.Optional;

/** A registry change: the device's latest state, or empty when it was deleted. */
record DeviceStep(DeviceKey key, Optional<KnownDevice> device) implements StateStep {

    DeviceStep {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(device, "device");
    }

    static DeviceStep of(StateInput.DeviceChange change) {
        change.record().ifPresent(record -> StateStep.requireSameKey(change, record));
        return new DeviceStep(change.key(), change.record().map(KnownDevice::of));
    }

    @Override
    public StateOutcome applyTo(StateChanges changes) {
        device.ifPresentOrElse(changes::putDevice, () -> changes.removeDevice(key));
        return StateOutcome.DEVICE_STORED;
    }
}
