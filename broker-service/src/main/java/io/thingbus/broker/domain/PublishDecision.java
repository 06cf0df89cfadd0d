package io.thingbus.broker.domain;

import io.thingbus.contracts.TelemetryRecord;
import java.util.Objects;

/** What happens to a device's publish: forwarded as a telemetry record, or refused. */
public sealed interface PublishDecision {

    /** Accepted: {@code record} goes to the telemetry topic. */
    record Forward(TelemetryRecord record) implements PublishDecision {
        public Forward {
            Objects.requireNonNull(record, "record");
        }
    }

    /** Refused: nothing is forwarded. */
    record Refuse(Refusal refusal) implements PublishDecision {
        public Refuse {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
