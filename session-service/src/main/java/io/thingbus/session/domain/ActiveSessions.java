package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The read side: a tenant's live sessions and the devices it owns that are connected through gateways, in a stable
 * order. Nothing of one user is shown to another: a gateway session lists only the sub-devices its own user owns, and
 * a device carried by another user's gateway is listed for its owner with that gateway's session, which the API
 * reduces to the gateway's id. Thread-safe.
 */
public final class ActiveSessions {

    private static final Comparator<Session> OLDEST_FIRST = Comparator.comparing(Session::connectedAt)
            .thenComparing(s -> s.key().clientId());
    private static final Comparator<Subscription> BY_FILTER = Comparator.comparing(Subscription::filter);
    private static final Comparator<Subdevice> BY_DEVICE = Comparator.comparing(s -> s.device().value());
    /** By device, then the most recent connection first (the gateway command-service routes RPCs through). */
    private static final Comparator<ConnectedDevice> BY_DEVICE_NEWEST_FIRST =
            Comparator.<ConnectedDevice, String>comparing(d -> d.subdevice().device().value())
                    .thenComparing(d -> d.subdevice().connectedAt(), Comparator.reverseOrder())
                    .thenComparing(d -> d.gatewaySession().clientId());

    private final SessionStore store;

    public ActiveSessions(SessionStore store) {
        this.store = store;
    }

    /**
     * The tenant's sessions that match the query, oldest connection first (then by client id), each with its
     * subscriptions ordered by filter and the sub-devices the tenant owns by device id. Never another tenant's
     * session, and never another tenant's device carried by the tenant's gateway.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<Session> of(TenantId tenant, SessionQuery query) {
        return store.sessionsOf(tenant).stream()
                .map(ActiveSessions::withoutOtherUsersDevices)
                .filter(query::matches)
                .sorted(OLDEST_FIRST)
                .map(s -> s.withSubscriptions(s.subscriptions().stream().sorted(BY_FILTER).toList())
                        .withSubdevices(s.subdevices().stream().sorted(BY_DEVICE).toList()))
                .toList();
    }

    /**
     * The tenant's devices connected through a gateway's live session, optionally only {@code device}: one entry per
     * device and gateway session (a device two gateways announced appears twice), by device id, then the most
     * recently connected first. The gateway may be another user's (a device the tenant claimed from that user);
     * see {@link ConnectedDevice#viaAnotherUsersGateway()}. Never another tenant's device.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    public List<ConnectedDevice> devicesOf(TenantId tenant, Optional<DeviceId> device) {
        return store.connectedDevicesOf(tenant).stream()
                .filter(connected -> connected.subdevice().isOwnedBy(tenant))
                .filter(connected -> device.map(connected.subdevice().device()::equals).orElse(true))
                .sorted(BY_DEVICE_NEWEST_FIRST)
                .toList();
    }

    /** The session as its own user may see it: without the sub-devices of other users it carries. */
    private static Session withoutOtherUsersDevices(Session session) {
        TenantId user = session.key().tenant();
        return session.withSubdevices(session.subdevices().stream().filter(d -> d.isOwnedBy(user)).toList());
    }
}
