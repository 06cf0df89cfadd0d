package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Gateways and their sub-devices (ThingsBoard's {@code v1/gateway/connect} and {@code disconnect}): a connect looks
 * up or registers the sub-device in its owner's tenant (as {@link UplinkRegistration} does, with the gateway's token
 * when it is the owner's) and links it to the gateway; a disconnect, or the end of the gateway's session, marks it
 * disconnected. The link stays, with the last gateway and when the sub-device was last seen.
 *
 * <p>The owner is the gateway's tenant, except for a device another user claimed away from it: the gateway keeps
 * carrying it, and the event names the claimer's device. The link then remembers the gateway's owner, so the end of
 * the gateway's session disconnects the claimer's device too. Nothing else crosses tenants: a device is only looked
 * up, registered or linked in its owner's tenant, and a gateway lists only the sub-devices of its own tenant.
 * Thread-safe.
 */
public final class Subdevices {

    /** What one {@link #apply} did. */
    public record Outcome(RegistrationCounts registrations, int linked, int disconnected) {
    }

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;

    public Subdevices(RegistryStore store, KnownDevices knownDevices, Clock clock) {
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
    }

    /**
     * Applies {@code events} in order, in one transaction; returns after it committed. Idempotent: replaying the same
     * events in the same order leaves the same state, and a late event never undoes a newer one.
     *
     * @throws RuntimeException on a storage failure; nothing was applied then and the call may be repeated
     */
    public Outcome apply(List<GatewayEvent> events) {
        if (events.isEmpty()) {
            return new Outcome(RegistrationCounts.NONE, 0, 0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<DeviceKey> registered = new ArrayList<>();
        Outcome outcome = store.inTransaction(tx -> applyAll(tx, new UplinkRegistration(tx, now), events, registered));
        registered.forEach(knownDevices::remember);
        return outcome;
    }

    /**
     * The tenant's sub-devices its own gateway {@code gateway} announced last (connected or not), ordered by device
     * id; devices of other users the gateway carries (claimed away from the tenant) are theirs, not listed here.
     *
     * @throws UnknownDeviceException when the tenant has neither a device {@code gateway} nor sub-devices linked to it
     */
    public List<Device> subdevicesOf(DeviceKey gateway) {
        return store.inTransaction(tx -> {
            List<Device> subdevices = tx.devices().subdevicesOf(gateway.tenant(), gateway.device());
            if (subdevices.isEmpty() && tx.devices().find(gateway).isEmpty()) {
                throw new UnknownDeviceException();
            }
            return subdevices;
        });
    }

    private static Outcome applyAll(RegistryTransaction tx, UplinkRegistration registration,
                                    List<GatewayEvent> events, List<DeviceKey> registered) {
        RegistrationCounts counts = RegistrationCounts.NONE;
        int linked = 0;
        int disconnected = 0;
        for (GatewayEvent event : events) {
            if (event instanceof GatewayEvent.SubdeviceConnected connected && !connected.namesItsGateway()) {
                UplinkRegistration.Result result =
                        registration.ensureRegistered(connected.device(), connected.tokenHash());
                counts = counts.plus(result);
                if (result.registered()) {
                    registered.add(connected.device());
                    linked += tx.links().connect(connected.device(), connected.link()) ? 1 : 0;
                }
            } else if (event instanceof GatewayEvent.SubdeviceDisconnected gone) {
                disconnected += tx.links().disconnect(gone.device(), gone.gatewayTenant(), gone.gatewayClientId(),
                        gone.at()) ? 1 : 0;
            } else if (event instanceof GatewayEvent.SessionEnded ended) {
                disconnected += tx.links().disconnectSession(ended.tenant(), ended.clientId(), ended.connectionId(),
                        ended.at());
            }
        }
        return new Outcome(counts, linked, disconnected);
    }
}
