package io.thingbus.broker.domain;

import java.util.List;
import java.util.Objects;

/** What happens to a gateway's publish: forwarded as records (possibly without some invalid entries), or refused. */
public sealed interface GatewayDecision {

    /**
     * Accepted: {@code records} (at least one) go to Kafka; the broker delivers the publish to no MQTT client.
     * {@code skipped} lists the entries of a batch that were invalid and left out.
     */
    record Forward(List<Uplink> records, List<SkippedEntry> skipped) implements GatewayDecision {
        public Forward {
            records = List.copyOf(records);
            skipped = List.copyOf(skipped);
            if (records.isEmpty()) {
                throw new IllegalArgumentException("a forwarded gateway publish has at least one record");
            }
        }
    }

    /** Refused: nothing is forwarded, nothing delivered. */
    record Refuse(Refusal refusal) implements GatewayDecision {
        public Refuse {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
