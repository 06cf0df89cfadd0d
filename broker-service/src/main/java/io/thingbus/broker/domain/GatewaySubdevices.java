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
import java.util.Objects;
import java.util.Set;

/**
 * Which sub-devices the gateway connections of this instance have announced as connected
 * ({@code v1/gateway/connect}, until {@code v1/gateway/disconnect} or the end of the gateway's connection): what routes
 * a shared attribute update of a device to the gateway that serves it. Keyed by connection id, so a gateway's new
 * connection (after a takeover) never loses or inherits entries of the old one by mistake.
 *
 * <p>A link is held under the name the gateway used, in its own user's account; {@link #gatewaysOf} asks the
 * {@link DeviceOwners} at look-up time which users' gateways carry a device for its owner. So a device claimed away
 * after its gateway connected it reaches the claimer at once, a claim undone (tombstone) gives it back, and only
 * gateways that carry the device for the update's user are ever found — the owner's own, or those of the users it was
 * claimed from; never a gateway whose device was claimed away from its user.
 *
 * <p>Thread-safe; every call holds one short lock (hash-map operations only), never blocks otherwise.
 */
public final class GatewaySubdevices {

    private final DeviceOwners owners;
    /** device as its gateway names it, in the gateway's user's account → (connection id → gateway client id) */
    private final Map<DeviceKey, Map<String, String>> gatewaysByDevice = new HashMap<>();
    /** connection id → devices it connected */
    private final Map<String, Set<DeviceKey>> devicesByConnection = new HashMap<>();

    public GatewaySubdevices(DeviceOwners owners) {
        this.owners = Objects.requireNonNull(owners, "owners");
    }

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

    /**
     * The client ids of the gateway connections that have connected the device {@code device} of its current owner
     * {@code owner}, under the owner's account or the account of a user it was claimed from; maybe empty.
     */
    public List<String> gatewaysOf(TenantId owner, DeviceId device) {
        Set<TenantId> gatewayTenants = owners.gatewayTenantsOf(DeviceKey.of(owner, device));
        return gatewaysOf(gatewayTenants, device);
    }

    /** How many sub-device links are held (for tests and metrics). */
    public synchronized int size() {
        return devicesByConnection.values().stream().mapToInt(Set::size).sum();
    }

    private synchronized List<String> gatewaysOf(Set<TenantId> gatewayTenants, DeviceId device) {
        return gatewayTenants.stream()
                .map(tenant -> gatewaysByDevice.getOrDefault(DeviceKey.of(tenant, device), Map.of()))
                .flatMap(gateways -> gateways.values().stream())
                .distinct()
                .toList();
    }

    private void removeGateway(DeviceKey device, String connectionId) {
        Map<String, String> gateways = gatewaysByDevice.get(device);
        if (gateways != null && gateways.remove(connectionId) != null && gateways.isEmpty()) {
            gatewaysByDevice.remove(device);
        }
    }
}
