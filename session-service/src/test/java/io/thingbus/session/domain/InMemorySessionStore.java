package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link SessionStore} in memory with the same semantics as the JDBC one: a transaction works on a copy that
 * replaces the state only when the work returns, and {@link #failNextTransaction()} makes the next one fail.
 */
public final class InMemorySessionStore implements SessionStore {

    private Map<SessionKey, Session> sessions = new LinkedHashMap<>();
    private boolean failNext;

    void failNextTransaction() {
        failNext = true;
    }

    /** Everything stored, subscriptions in filter order, for comparing views. */
    Map<SessionKey, Session> snapshot() {
        Map<SessionKey, Session> copy = new LinkedHashMap<>();
        sessions.forEach((key, session) -> copy.put(key, session.withSubscriptions(session.subscriptions().stream()
                .sorted(java.util.Comparator.comparing(Subscription::filter)).toList())
                .withSubdevices(session.subdevices().stream()
                        .sorted(java.util.Comparator.comparing(s -> s.device().value())).toList())));
        return copy;
    }

    @Override
    public List<Session> sessionsOf(TenantId tenant) {
        return sessions.values().stream().filter(s -> s.key().tenant().equals(tenant)).toList();
    }

    @Override
    public List<ConnectedDevice> connectedDevicesOf(TenantId owner) {
        return sessions.values().stream()
                .flatMap(session -> session.subdevices().stream().filter(d -> d.isOwnedBy(owner))
                        .map(d -> new ConnectedDevice(d, session.key(), session.broker())))
                .toList();
    }

    @Override
    public void inTransaction(Consumer<SessionChanges> work) {
        Changes changes = new Changes(new LinkedHashMap<>(sessions));
        work.accept(changes);
        if (failNext) {
            failNext = false;
            throw new StoreUnavailableException("simulated failure", null);
        }
        sessions = changes.state;
    }

    private static final class Changes implements SessionChanges {

        private final Map<SessionKey, Session> state;

        Changes(Map<SessionKey, Session> state) {
            this.state = state;
        }

        @Override
        public Optional<String> currentConnection(SessionKey key) {
            return Optional.ofNullable(state.get(key)).map(Session::connectionId);
        }

        @Override
        public void open(Session session) {
            state.put(session.key(), session.withSubscriptions(List.of()).withSubdevices(List.of()));
        }

        @Override
        public void close(SessionKey key) {
            state.remove(key);
        }

        @Override
        public void subscribe(SessionKey key, List<Subscription> subscriptions) {
            Session session = state.get(key);
            List<Subscription> updated = new ArrayList<>(session.subscriptions());
            for (Subscription added : subscriptions) {
                updated.removeIf(s -> s.filter().equals(added.filter()));
                updated.add(added);
            }
            state.put(key, session.withSubscriptions(updated));
        }

        @Override
        public void connectSubdevice(SessionKey key, String connectionId, Subdevice subdevice) {
            Session session = state.get(key);
            List<Subdevice> updated = new ArrayList<>(session.subdevices());
            Subdevice stored = subdevice;
            for (Subdevice known : session.subdevices()) {
                if (known.device().equals(subdevice.device())) {
                    updated.remove(known);
                    stored = known.owner().equals(subdevice.owner())
                            ? new Subdevice(subdevice.owner(), subdevice.device(),
                                    subdevice.deviceType().or(known::deviceType), subdevice.gateway(),
                                    known.connectedAt())
                            : subdevice;
                }
            }
            updated.add(stored);
            state.put(key, session.withSubdevices(updated));
        }

        @Override
        public void disconnectSubdevice(SessionKey key, DeviceId device) {
            Session session = state.get(key);
            state.put(key, session.withSubdevices(session.subdevices().stream()
                    .filter(s -> !s.device().equals(device)).toList()));
        }

        @Override
        public void unsubscribe(SessionKey key, List<String> filters) {
            Session session = state.get(key);
            state.put(key, session.withSubscriptions(session.subscriptions().stream()
                    .filter(s -> !filters.contains(s.filter())).toList()));
        }
    }
}
