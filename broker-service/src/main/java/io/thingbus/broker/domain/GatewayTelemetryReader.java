package io.thingbus.broker.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceId;
import java.time.Instant;
import java.util.Optional;

/**
 * One device's entry of {@code v1/gateway/telemetry}: an array of points, or one point. A point is
 * <ul>
 * <li>{@code {"ts": <ms>, "values": {…}}}: the values at that time (nothing else beside {@code ts} and
 * {@code values});</li>
 * <li>{@code {"values": {…}}}: the values, at the time the edge accepted the publish;</li>
 * <li>any other object: the object itself is the values, at the time the edge accepted the publish.</li>
 * </ul>
 * Values are a non-empty JSON object. An invalid point is skipped (and listed) on its own; the others of the same
 * device are forwarded.
 *
 * <p>Stateless and thread-safe.
 */
final class GatewayTelemetryReader implements GatewayBatch.EntryReader {

    /** Makes the telemetry record of one point. */
    interface PointRecords {
        Uplink telemetry(DeviceId device, Optional<Instant> time, ObjectNode values);
    }

    private static final String TS = "ts";
    private static final String VALUES = "values";

    private final PointRecords records;

    GatewayTelemetryReader(PointRecords records) {
        this.records = records;
    }

    @Override
    public void read(DeviceId device, JsonNode entry, GatewayBatch batch) {
        if (entry.isObject()) {
            point(device, entry, device.value(), batch);
            return;
        }
        if (!entry.isArray()) {
            throw new MalformedGatewayMessage("a device's telemetry must be an object or an array of objects");
        }
        if (entry.isEmpty()) {
            throw new MalformedGatewayMessage("a device's telemetry array must hold at least one point");
        }
        for (int i = 0; i < entry.size(); i++) {
            point(device, entry.get(i), device.value() + "[" + i + "]", batch);
        }
    }

    private void point(DeviceId device, JsonNode point, String label, GatewayBatch batch) {
        try {
            if (!point.isObject()) {
                throw new MalformedGatewayMessage("a point must be a JSON object");
            }
            ObjectNode object = (ObjectNode) point;
            batch.add(records.telemetry(device, time(object), values(object)));
        } catch (MalformedGatewayMessage e) {
            batch.skip(label, e.detail());
        }
    }

    private static Optional<Instant> time(ObjectNode point) {
        JsonNode ts = point.get(TS);
        return ts == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(GatewayJson.timestamp(ts)));
    }

    private static ObjectNode values(ObjectNode point) {
        ObjectNode values = point;
        if (point.has(TS)) {
            if (point.size() != 2 || !point.path(VALUES).isObject()) {
                throw new MalformedGatewayMessage("a point with \"ts\" must be {\"ts\":<ms>,\"values\":{...}}");
            }
            values = (ObjectNode) point.get(VALUES);
        } else if (point.size() == 1 && point.path(VALUES).isObject()) {
            values = (ObjectNode) point.get(VALUES);
        }
        if (values.isEmpty()) {
            throw new MalformedGatewayMessage("a point must have at least one value");
        }
        return values;
    }
}
