package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceRecord;

/** One checked change of this service's state, ready to be applied inside a transaction. */
sealed interface StateStep permits DeviceStep, SessionStep, SubdeviceStep, RpcAnswerStep {

    /** Applies the step; only inside {@link StateStore#inTransaction}. */
    StateOutcome applyTo(StateChanges changes);

    /** @throws IllegalArgumentException when the input is not usable (see the {@code of} method of each step) */
    static StateStep of(StateInput input) {
        if (input instanceof StateInput.DeviceChange change) {
            return DeviceStep.of(change);
        }
        if (input instanceof StateInput.SubdeviceEvent event) {
            return SubdeviceStep.of(event.record());
        }
        if (input instanceof StateInput.RpcAnswer answer) {
            return RpcAnswerStep.of(answer.record());
        }
        return SessionStep.of(((StateInput.SessionEvent) input).record());
    }

    /** @throws IllegalArgumentException when a record is filed under another device's key */
    static void requireSameKey(StateInput.DeviceChange change, DeviceRecord record) {
        if (!record.key().equals(change.key())) {
            throw new IllegalArgumentException("record key " + change.key() + " does not match the device "
                    + record.key());
        }
    }
}
