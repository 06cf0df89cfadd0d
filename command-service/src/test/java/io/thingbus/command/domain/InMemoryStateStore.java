package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The service's state in memory with the semantics of the JDBC store: a transaction works on copies that replace the
 * state only when the work returns. Also answers the read ports, so the projection and the coverage can be tested
 * together.
 */
final class InMemoryStateStore implements StateStore, DeviceDirectory, SessionDirectory {

    /** A session and its downlink filters by filter. */
    record Entry(TrackedSession session, Map<String, String> filters) {
    }

    private Map<DeviceKey, KnownDevice> devices = new LinkedHashMap<>();
    private Map<SessionKey, Entry> sessions = new LinkedHashMap<>();

    /** Everything stored, for comparing states. */
    Object snapshot() {
        return List.of(Map.copyOf(devices), Map.copyOf(sessions));
    }

    Optional<Entry> session(SessionKey key) {
        return Optional.ofNullable(sessions.get(key));
    }

    @Override
    public Optional<KnownDevice> find(DeviceKey key) {
        return Optional.ofNullable(devices.get(key));
    }

    @Override
    public List<DownlinkSubscription> candidatesFor(DeviceKey device) {
        return sessions.values().stream()
                .filter(e -> e.session().key().tenant().equals(device.tenant()))
                .flatMap(e -> e.filters().values().stream()
                        .filter(d -> d.equals("*") || d.equals(device.device().value()))
                        .map(d -> new DownlinkSubscription(e.session().key().clientId(), e.session().tokenHash(), d)))
                .toList();
    }

    @Override
    public void inTransaction(Consumer<StateChanges> work) {
        Changes changes = new Changes(new LinkedHashMap<>(devices), new LinkedHashMap<>(sessions));
        work.accept(changes);
        devices = changes.devices;
        sessions = changes.sessions;
    }

    private static final class Changes implements StateChanges {

        private final Map<DeviceKey, KnownDevice> devices;
        private final Map<SessionKey, Entry> sessions;

        Changes(Map<DeviceKey, KnownDevice> devices, Map<SessionKey, Entry> sessions) {
            this.devices = devices;
            this.sessions = sessions;
        }

        @Override
        public void putDevice(KnownDevice device) {
            devices.put(device.key(), device);
        }

        @Override
        public void removeDevice(DeviceKey key) {
            devices.remove(key);
        }

        @Override
        public Optional<String> currentConnection(SessionKey key) {
            return Optional.ofNullable(sessions.get(key)).map(e -> e.session().connectionId());
        }

        @Override
        public void open(TrackedSession session) {
            sessions.put(session.key(), new Entry(session, Map.of()));
        }

        @Override
        public void close(SessionKey key) {
            sessions.remove(key);
        }

        @Override
        public void subscribe(SessionKey key, List<DownlinkFilter> filters) {
            Entry entry = sessions.get(key);
            Map<String, String> updated = new TreeMap<>(entry.filters());
            filters.forEach(f -> updated.put(f.filter(), f.coveredDevice()));
            sessions.put(key, new Entry(entry.session(), Map.copyOf(updated)));
        }

        @Override
        public void unsubscribe(SessionKey key, List<String> filters) {
            Entry entry = sessions.get(key);
            Map<String, String> updated = new TreeMap<>(entry.filters());
            filters.forEach(updated::remove);
            sessions.put(key, new Entry(entry.session(), Map.copyOf(updated)));
        }
    }
}
