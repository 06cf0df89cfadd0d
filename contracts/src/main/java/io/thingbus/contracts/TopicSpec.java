package io.thingbus.contracts;

import java.util.Objects;

/**
 * How a topic is created: its name and whether it is compacted (latest value per key is what matters, tombstones
 * delete). Partition count and replication are the operator's choice (Helm values, launcher defaults).
 */
public record TopicSpec(String name, boolean compacted) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
    }
}
