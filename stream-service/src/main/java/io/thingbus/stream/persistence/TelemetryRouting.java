package io.thingbus.stream.persistence;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.stream.domain.Point;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Decides, inside a write's transaction, which channel each telemetry point goes to: the channel the device registry
 * names for the point's device ({@code devices.channel_id}) when the tenant has that channel; otherwise the point's
 * own channel, the device's default channel, created when missing. Every channel chosen is locked
 * ({@code FOR KEY SHARE}) until the transaction ends, so it cannot be deleted half-way through the write.
 */
final class TelemetryRouting {

    /** Points with the channels they go to, and the channels created for them. */
    record Routed(List<Point> points, Set<ChannelKey> created) {
    }

    /** How often default channels deleted while being created are created again before the write gives up. */
    private static final int MAX_ATTEMPTS = 3;

    private TelemetryRouting() {
    }

    /**
     * @param order puts the routed points in the order they are inserted
     */
    static Routed route(Connection connection, List<Point> points, Instant now, UnaryOperator<List<Point>> order)
            throws SQLException {
        Set<DeviceKey> devices = new HashSet<>(points.stream().map(TelemetryRouting::deviceOf).toList());
        Map<DeviceKey, ChannelId> assigned = ChannelRows.assignedChannels(connection, devices);
        List<Point> routed = new ArrayList<>(points.size());
        SortedMap<ChannelKey, DeviceId> defaults = new TreeMap<>();
        for (Point point : points) {
            ChannelId channel = assigned.get(deviceOf(point));
            if (channel == null) {
                defaults.putIfAbsent(new ChannelKey(point.tenant(), point.channel()), point.device());
                routed.add(point);
            } else {
                routed.add(point.inChannel(channel));
            }
        }
        return new Routed(order.apply(routed), createMissing(connection, defaults, now));
    }

    /**
     * Makes sure the default channels exist and holds them: creates those that are missing, locks the others. A
     * channel deleted between the two steps is created again.
     *
     * @return the channels created
     * @throws SQLException (SQLSTATE 40001, so the caller retries) when channels keep disappearing
     */
    private static Set<ChannelKey> createMissing(Connection connection, SortedMap<ChannelKey, DeviceId> defaults,
            Instant now) throws SQLException {
        Set<ChannelKey> created = new HashSet<>();
        SortedMap<ChannelKey, DeviceId> missing = defaults;
        for (int attempt = 1; !missing.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new SQLException("channels were deleted while points were written to them", "40001");
            }
            Set<ChannelKey> inserted = ChannelRows.insertDefaults(connection, missing, now);
            created.addAll(inserted);
            List<ChannelKey> existing = missing.keySet().stream().filter(k -> !inserted.contains(k)).toList();
            Set<ChannelKey> locked = ChannelRows.lockExisting(connection, existing);
            SortedMap<ChannelKey, DeviceId> gone = new TreeMap<>(missing);
            gone.keySet().removeIf(k -> inserted.contains(k) || locked.contains(k));
            missing = gone;
        }
        return created;
    }

    private static DeviceKey deviceOf(Point point) {
        return DeviceKey.of(point.tenant(), point.device());
    }
}
