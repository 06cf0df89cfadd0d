package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * One record this service's state is built from, decoded: a registry change, a session event, a gateway's sub-device
 * event, or a device's answer to an RPC.
 */
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

    /** A gateway connected or disconnected a sub-device, from the lifecycle topic. */
    record SubdeviceEvent(SubdeviceEventRecord record) implements StateInput {
        public SubdeviceEvent {
            Objects.requireNonNull(record, "record");
        }
    }

    /** A device's (or its gateway's) answer to an RPC, from the device-requests topic. */
    record RpcAnswer(RpcResponseRecord record) implements StateInput {
        public RpcAnswer {
            Objects.requireNonNull(record, "record");
        }
    }
}
