package io.thingbus.session.domain;

import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import java.util.Objects;

/**
 * One record of the lifecycle topic, decoded: a session event of an MQTT client, or a gateway's announcement that one
 * of its sub-devices connected or disconnected. Both are keyed by the client, so one gateway's records arrive in the
 * order the broker wrote them.
 */
public sealed interface LifecycleInput {

    static LifecycleInput of(SessionEventRecord record) {
        return new SessionEvent(record);
    }

    static LifecycleInput of(SubdeviceEventRecord record) {
        return new SubdeviceEvent(record);
    }

    /** A step in the life of an MQTT session. */
    record SessionEvent(SessionEventRecord record) implements LifecycleInput {
        public SessionEvent {
            Objects.requireNonNull(record, "record");
        }
    }

    /** A gateway connected or disconnected one of its sub-devices. */
    record SubdeviceEvent(SubdeviceEventRecord record) implements LifecycleInput {
        public SubdeviceEvent {
            Objects.requireNonNull(record, "record");
        }
    }
}
