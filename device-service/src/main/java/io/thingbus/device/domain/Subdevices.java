package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import java.time.Clock;
import java.time.Duration;
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
 *
 * <p>The end of a gateway connection is remembered ({@link EndedConnections}) for {@code endedConnectionRetention}:
 * the broker writes session ends and sub-device events with different producers, so a connect announced over a
 * connection can arrive after that connection's end (the broker re-announces a carried device when a claim changes
 * its owner). Such a connect is ignored entirely — nothing registered, nothing linked — since nothing would
 * disconnect the device again. A connect over a connection whose start was never seen is applied as usual. Old ended
 * connections are forgotten while later session ends are applied, so the memory stays bounded. Thread-safe.
 */
public final class Subdevices {

    /**
     * What one {@link #apply} did.
     *
     * @param afterSessionEnd sub-device connects ignored because the gateway connection they came over had ended
     */
    public record Outcome(RegistrationCounts registrations, int linked, int disconnected, int afterSessionEnd) {
    }

    private final RegistryStore store;
    private final KnownDevices knownDevices;
    private final Clock clock;
    private final Duration endedConnectionRetention;

    /**
     * @param endedConnectionRetention how long an ended gateway connection is remembered, to ignore sub-device connects
     *     of it that arrive after its end; positive
     * @throws IllegalArgumentException when {@code endedConnectionRetention} is not positive
     */
    public Subdevices(RegistryStore store, KnownDevices knownDevices, Clock clock, Duration endedConnectionRetention) {
        if (endedConnectionRetention.isZero() || endedConnectionRetention.isNegative()) {
            throw new IllegalArgumentException("must be positive, was " + endedConnectionRetention);
        }
        this.store = store;
        this.knownDevices = knownDevices;
        this.clock = clock;
        this.endedConnectionRetention = endedConnectionRetention;
    }

    /**
     * Applies {@code events} in order, in one transaction; returns after it committed. Idempotent: replaying the same
     * events in the same order leaves the same state, and a late event never undoes a newer one.
     *
     * @throws RuntimeException on a storage failure; nothing was applied then and the call may be repeated
     */
    public Outcome apply(List<GatewayEvent> events) {
        if (events.isEmpty()) {
            return new Outcome(RegistrationCounts.NONE, 0, 0, 0);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<DeviceKey> registered = new ArrayList<>();
        Outcome outcome = store.inTransaction(tx -> new Batch(tx, now, registered).applyAll(events));
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

    /** The work of one {@link #apply}, inside its transaction. */
    private final class Batch {

        private final RegistryTransaction tx;
        private final UplinkRegistration registration;
        private final Instant now;
        private final List<DeviceKey> registered;
        private RegistrationCounts counts = RegistrationCounts.NONE;
        private int linked;
        private int disconnected;
        private int afterSessionEnd;
        private boolean sessionEnded;

        Batch(RegistryTransaction tx, Instant now, List<DeviceKey> registered) {
            this.tx = tx;
            this.registration = new UplinkRegistration(tx, now);
            this.now = now;
            this.registered = registered;
        }

        Outcome applyAll(List<GatewayEvent> events) {
            events.forEach(this::apply);
            if (sessionEnded) {
                tx.endedConnections().forgetRememberedBefore(now.minus(endedConnectionRetention));
            }
            return new Outcome(counts, linked, disconnected, afterSessionEnd);
        }

        private void apply(GatewayEvent event) {
            if (event instanceof GatewayEvent.SubdeviceConnected connected) {
                connect(connected);
            } else if (event instanceof GatewayEvent.SubdeviceDisconnected gone) {
                disconnected += tx.links().disconnect(gone.device(), gone.gatewayTenant(), gone.gatewayClientId(),
                        gone.at()) ? 1 : 0;
            } else if (event instanceof GatewayEvent.SessionEnded ended) {
                endSession(ended);
            }
        }

        private void connect(GatewayEvent.SubdeviceConnected connected) {
            if (connected.namesItsGateway()) {
                return;
            }
            if (tx.endedConnections().ended(connected.connection())) {
                afterSessionEnd++;
                return;
            }
            UplinkRegistration.Result result = registration.ensureRegistered(connected.device(), connected.tokenHash());
            counts = counts.plus(result);
            if (result.registered()) {
                registered.add(connected.device());
                linked += tx.links().connect(connected.device(), connected.link()) ? 1 : 0;
            }
        }

        private void endSession(GatewayEvent.SessionEnded ended) {
            tx.endedConnections().remember(ended.connection(), ended.at(), now);
            disconnected += tx.links().disconnectSession(ended.tenant(), ended.clientId(), ended.connectionId(),
                    ended.at());
            sessionEnded = true;
        }
    }
}
