package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.ArrayList;
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
 * a shared attribute update of a device to the gateway that serves it, and what tells whom to re-announce a device to
 * when its owner changes. Keyed by connection id, so a gateway's new connection (after a takeover) never loses or
 * inherits entries of the old one by mistake.
 *
 * <p>A link is held under the name the gateway used, in its own user's account; {@link #gatewaysOf} asks the
 * {@link DeviceOwners} at look-up time which users' gateways carry a device for its owner. So a device claimed away
 * after its gateway connected it reaches the claimer at once, a claim undone (tombstone) gives it back, and only
 * gateways that carry the device for the update's user are ever found — the owner's own, or those of the users it was
 * claimed from; never a gateway whose device was claimed away from its user.
 *
 * <p>Each link also remembers what was last announced for it on the lifecycle topic: the {@code connected} event with
 * its device type and the owner it named. {@link #reannouncements} compares that owner with the current one.
 *
 * <p>Thread-safe; every call holds one short lock (hash-map operations only), never blocks otherwise.
 */
public final class GatewaySubdevices {

    private final DeviceOwners owners;
    /** device as its gateway names it → (connection id → the {@code connected} event last announced for it there) */
    private final Map<DeviceId, Map<String, SubdeviceEventRecord>> announcedByDevice = new HashMap<>();
    /** connection id → devices it connected */
    private final Map<String, Set<DeviceId>> devicesByConnection = new HashMap<>();

    public GatewaySubdevices(DeviceOwners owners) {
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /**
     * Applies a sub-device event the edge has just accepted from a gateway (its {@code tenant}, {@code client_id} and
     * {@code connection_id} are the gateway's): a {@code connected} links the device to the connection and is what
     * was announced for it from now on (replacing an earlier one); a {@code disconnected} ends the link.
     */
    public synchronized void apply(SubdeviceEventRecord event) {
        if (event.event().equals(SubdeviceEventRecord.CONNECTED)) {
            announcedByDevice.computeIfAbsent(event.deviceId(), d -> new LinkedHashMap<>())
                    .put(event.connectionId(), event);
            devicesByConnection.computeIfAbsent(event.connectionId(), c -> new HashSet<>()).add(event.deviceId());
        } else {
            unlink(event.deviceId(), event.connectionId());
            Set<DeviceId> devices = devicesByConnection.get(event.connectionId());
            if (devices != null && devices.remove(event.deviceId()) && devices.isEmpty()) {
                devicesByConnection.remove(event.connectionId());
            }
        }
    }

    /** The gateway's connection ended: all its sub-devices count as disconnected. */
    public synchronized void connectionEnded(MqttConnection gateway) {
        Set<DeviceId> devices = devicesByConnection.remove(gateway.connectionId());
        if (devices != null) {
            devices.forEach(device -> unlink(device, gateway.connectionId()));
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

    /**
     * The owner of the devices named {@code device} may have changed (a claim or a tombstone): for every link of such
     * a device, under whichever gateway user, whose current owner differs from the one last announced, a
     * {@code disconnected} naming the announced owner followed by a {@code connected} naming the current one — both
     * with the gateway's tenant, client id, connection id, broker and token hash and the device type of the announced
     * {@code connected}, at {@code at}. The links then count as announced under their current owners, so a second
     * call finds nothing to do. Empty when no connection here has the device connected or no owner changed.
     */
    public synchronized List<SubdeviceEventRecord> reannouncements(DeviceId device, Instant at) {
        List<SubdeviceEventRecord> events = new ArrayList<>();
        for (Map.Entry<String, SubdeviceEventRecord> link : announcedByDevice.getOrDefault(device, Map.of()).entrySet()) {
            SubdeviceEventRecord announced = link.getValue();
            TenantId owner = owners.ownerOf(announced.tenant(), device);
            if (!owner.equals(announced.deviceKey().tenant())) {
                SubdeviceEventRecord connected = announcedAgain(announced, SubdeviceEventRecord.CONNECTED, owner, at);
                events.add(announcedAgain(announced, SubdeviceEventRecord.DISCONNECTED, announced.deviceTenant(), at));
                events.add(connected);
                link.setValue(connected);
            }
        }
        return events;
    }

    /** How many sub-device links are held (for tests and metrics). */
    public synchronized int size() {
        return devicesByConnection.values().stream().mapToInt(Set::size).sum();
    }

    private synchronized List<String> gatewaysOf(Set<TenantId> gatewayTenants, DeviceId device) {
        return announcedByDevice.getOrDefault(device, Map.of()).values().stream()
                .filter(announced -> gatewayTenants.contains(announced.tenant()))
                .map(SubdeviceEventRecord::clientId)
                .distinct()
                .toList();
    }

    private void unlink(DeviceId device, String connectionId) {
        Map<String, SubdeviceEventRecord> links = announcedByDevice.get(device);
        if (links != null && links.remove(connectionId) != null && links.isEmpty()) {
            announcedByDevice.remove(device);
        }
    }

    private static SubdeviceEventRecord announcedAgain(SubdeviceEventRecord announced, String event, TenantId owner,
            Instant at) {
        return new SubdeviceEventRecord(event, announced.tenant(), announced.deviceId(), announced.deviceType(),
                announced.gatewayId(), announced.clientId(), announced.connectionId(), announced.broker(),
                announced.tokenHash(), at, owner);
    }
}
