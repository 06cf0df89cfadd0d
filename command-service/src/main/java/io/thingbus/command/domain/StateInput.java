package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SessionEventRecord;
import java.util.Objects;
import java.util.Optional;

/** One record this service's state is built from: a registry change or a session event, decoded. */
public sealed interface StateInput {

    /**
     * The latest state of a device from the registry's compacted topic.
     *
     * @param record the device; empty for a tombstone (deleted)
     */
    record DeviceChange(DeviceKey key, Optional<DeviceRecord> record) implements StateInput {
        public DeviceChange {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(record, "record");
        }
    }

    /** A step in the life of a session, from the lifecycle topic. */
    record SessionEvent(SessionEventRecord record) implements StateInput {
        public SessionEvent {
            Objects.requireNonNull(record, "record");
        }
    }
}
