package io.thingbus.broker.domain;

import java.util.Objects;

/** What this instance does with one downlink record: publish it, or skip it. */
public sealed interface DownlinkDecision {

    record Deliver(OutboundMessage message) implements DownlinkDecision {
        public Deliver {
            Objects.requireNonNull(message, "message");
        }
    }

    record Skip(DownlinkSkipReason reason) implements DownlinkDecision {
        public Skip {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
