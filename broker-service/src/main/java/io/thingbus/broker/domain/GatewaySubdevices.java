package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sub-devices the gateway connections of this instance have announced as connected
 * ({@code v1/gateway/connect}, until {@code v1/gateway/disconnect} or the end of the gateway's connection): what routes
 * a shared attribute update of a device to the gateway that serves it. Keyed by connection id, so a gateway's new
 * connection (after a takeover) never loses or inherits entries of the old one by mistake; only gateways of the
 * device's own tenant are ever found.
 *
 * <p>Thread-safe; every call holds one short lock (hash-map operations only), never blocks otherwise.
 */
public final class GatewaySubdevices {

    /** device → (connection id → gateway client id) */
    private final Map<DeviceKey, Map<String, String>> gatewaysByDevice = new HashMap<>();
    /** connection id → devices it connected */
    private final Map<String, Set<DeviceKey>> devicesByConnection = new HashMap<>();

    /** Applies a sub-device event the edge has just accepted from {@code gateway}. */
    public void apply(MqttConnection gateway, SubdeviceEventRecord event) {
        if (event.event().equals(SubdeviceEventRecord.CONNECTED)) {
            connected(gateway, event.deviceId());
        } else {
            disconnected(gateway, event.deviceId());
        }
    }

    public synchronized void connected(MqttConnection gateway, DeviceId device) {
        DeviceKey key = DeviceKey.of(gateway.identity().tenant(), device);
        gatewaysByDevice.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(gateway.connectionId(), gateway.clientId());
        devicesByConnection.computeIfAbsent(gateway.connectionId(), c -> new HashSet<>()).add(key);
    }

    public synchronized void disconnected(MqttConnection gateway, DeviceId device) {
        DeviceKey key = DeviceKey.of(gateway.identity().tenant(), device);
        removeGateway(key, gateway.connectionId());
        Set<DeviceKey> devices = devicesByConnection.get(gateway.connectionId());
        if (devices != null && devices.remove(key) && devices.isEmpty()) {
            devicesByConnection.remove(gateway.connectionId());
        }
    }

    /** The gateway's connection ended: all its sub-devices count as disconnected. */
    public synchronized void connectionEnded(MqttConnection gateway) {
        Set<DeviceKey> devices = devicesByConnection.remove(gateway.connectionId());
        if (devices != null) {
            devices.forEach(device -> removeGateway(device, gateway.connectionId()));
        }
    }

    /** The client ids of the gateway connections that have {@code device} of {@code tenant} connected; maybe empty. */
    public synchronized List<String> gatewaysOf(TenantId tenant, DeviceId device) {
        Map<String, String> gateways = gatewaysByDevice.get(DeviceKey.of(tenant, device));
        return gateways == null ? List.of() : gateways.values().stream().distinct().toList();
    }

    /** How many sub-device links are held (for tests and metrics). */
    public synchronized int size() {
        return devicesByConnection.values().stream().mapToInt(Set::size).sum();
    }

    private void removeGateway(DeviceKey device, String connectionId) {
        Map<String, String> gateways = gatewaysByDevice.get(device);
        if (gateways != null && gateways.remove(connectionId) != null && gateways.isEmpty()) {
            gatewaysByDevice.remove(device);
        }
    }
}
