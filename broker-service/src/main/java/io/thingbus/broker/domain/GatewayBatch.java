package io.thingbus.broker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gateway message that batches devices ({@code {"Device A": …, "Device B": …}}): telemetry, attributes, claims.
 * Entries are taken one by one; an invalid entry is left out and listed, the valid ones are forwarded. A batch with
 * no valid entry at all is malformed as a whole.
 *
 * <p>Not thread-safe: one per publish.
 */
final class GatewayBatch {

    /** Turns one device's entry into records, adding them to the batch; throws for an invalid entry. */
    interface EntryReader {
        void read(DeviceId device, JsonNode entry, GatewayBatch batch);
    }

    private final List<Uplink> records = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();

    /** Reads every entry of {@code devices}, in their order. */
    static GatewayDecision read(GatewayTopic topic, ObjectNode devices, EntryReader reader) {
        if (devices.isEmpty()) {
            throw new MalformedGatewayMessage("the payload must name at least one device");
        }
        GatewayBatch batch = new GatewayBatch();
        for (Map.Entry<String, JsonNode> entry : devices.properties()) {
            batch.readEntry(entry.getKey(), entry.getValue(), reader);
        }
        return batch.decision(topic);
    }

    void add(Uplink record) {
        records.add(record);
    }

    void skip(String entry, String problem) {
        skipped.add(new SkippedEntry(entry, problem));
    }

    private void readEntry(String name, JsonNode entry, EntryReader reader) {
        try {
            reader.read(GatewayJson.deviceName(name), entry, this);
        } catch (MalformedGatewayMessage e) {
            skip(name, e.detail());
        }
    }

    private GatewayDecision decision(GatewayTopic topic) {
        if (records.isEmpty()) {
            return new GatewayDecision.Refuse(Refusal.invalidGatewayPayload(topic,
                    "no valid entry; first problem: " + skipped.get(0)));
        }
        return new GatewayDecision.Forward(records, skipped);
    }
}
