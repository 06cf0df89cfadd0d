package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The service's state in memory with the semantics of the JDBC store: a transaction works on copies that replace the
 * state only when the work returns. Also answers the read ports, so the projection, the coverage and the RPC routes
 * can be tested together. RPC answers go to {@link #rpcs()}.
 */
public final class InMemoryStateStore implements StateStore, DeviceDirectory, SessionDirectory, RpcRoutes {

    /** A session, its downlink filters by filter, and the sub-devices it carries by device id. */
    record Entry(TrackedSession session, Map<String, String> filters, Map<DeviceId, Carried> subdevices) {
        Entry(TrackedSession session, Map<String, String> filters) {
            this(session, filters, Map.of());
        }
    }

    /** A sub-device a gateway session carries: its owner (maybe not the session's tenant), gateway and start. */
    record Carried(TenantId owner, DeviceId gateway, Instant since) {
    }

    private Map<DeviceKey, KnownDevice> devices = new LinkedHashMap<>();
    private Map<SessionKey, Entry> sessions = new LinkedHashMap<>();
    private Map<DeviceKey, Instant> gatewayDevices = new LinkedHashMap<>();
    private final InMemoryRpcStore rpcs = new InMemoryRpcStore(device -> currentRoute(device).isPresent());

    InMemoryRpcStore rpcs() {
        return rpcs;
    }

    /** Everything stored, for comparing states. */
    Object snapshot() {
        return List.of(Map.copyOf(devices), Map.copyOf(sessions), Map.copyOf(gatewayDevices));
    }

    @Override
    public synchronized Optional<GatewayRoute> currentRoute(DeviceKey device) {
        return sessions.values().stream()
                .filter(e -> carries(e, device))
                .sorted(Comparator.comparing((Entry e) -> e.subdevices().get(device.device()).since()).reversed()
                        .thenComparing(e -> e.session().key().clientId()))
                .map(e -> new GatewayRoute(e.session().key().clientId(), e.subdevices().get(device.device()).gateway()))
                .findFirst();
    }

    private static boolean carries(Entry entry, DeviceKey device) {
        Carried carried = entry.subdevices().get(device.device());
        return carried != null && carried.owner().equals(device.tenant());
    }

    @Override
    public synchronized boolean isBehindGateway(DeviceKey device) {
        return gatewayDevices.containsKey(device);
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
    public synchronized void inTransaction(Consumer<StateChanges> work) {
        Changes changes = new Changes(new LinkedHashMap<>(devices), new LinkedHashMap<>(sessions),
                new LinkedHashMap<>(gatewayDevices), rpcs);
        work.accept(changes);
        devices = changes.devices;
        sessions = changes.sessions;
        gatewayDevices = changes.gatewayDevices;
    }

    private static final class Changes implements StateChanges {

        private final Map<DeviceKey, KnownDevice> devices;
        private final Map<SessionKey, Entry> sessions;
        private final Map<DeviceKey, Instant> gatewayDevices;
        private final InMemoryRpcStore rpcs;

        Changes(Map<DeviceKey, KnownDevice> devices, Map<SessionKey, Entry> sessions,
                Map<DeviceKey, Instant> gatewayDevices, InMemoryRpcStore rpcs) {
            this.devices = devices;
            this.sessions = sessions;
            this.gatewayDevices = gatewayDevices;
            this.rpcs = rpcs;
        }

        @Override
        public void connectSubdevice(SessionKey gatewaySession, String connectionId, DeviceKey device,
                DeviceId gateway, Instant at) {
            Entry entry = sessions.get(gatewaySession);
            Map<DeviceId, Carried> carried = new LinkedHashMap<>(entry.subdevices());
            Instant since = Optional.ofNullable(carried.get(device.device()))
                    .filter(known -> known.owner().equals(device.tenant())).map(Carried::since).orElse(at);
            carried.put(device.device(), new Carried(device.tenant(), gateway, since));
            sessions.put(gatewaySession, new Entry(entry.session(), entry.filters(), Map.copyOf(carried)));
        }

        @Override
        public void disconnectSubdevice(SessionKey gatewaySession, DeviceId device) {
            Entry entry = sessions.get(gatewaySession);
            Map<DeviceId, Carried> carried = new LinkedHashMap<>(entry.subdevices());
            carried.remove(device);
            sessions.put(gatewaySession, new Entry(entry.session(), entry.filters(), Map.copyOf(carried)));
        }

        @Override
        public void rememberGateway(DeviceKey device, DeviceId gateway, Instant at) {
            gatewayDevices.merge(device, at, (known, latest) -> latest.isAfter(known) ? latest : known);
        }

        @Override
        public Optional<AnswerTarget> answerTarget(RpcKey key) {
            return rpcs.answerTarget(key);
        }

        @Override
        public StateOutcome recordRpcAnswer(RpcKey key, JsonNode data, RpcStatus status, Instant at) {
            return rpcs.answer(key, data, status, at);
        }

        @Override
        public void putDevice(KnownDevice device) {
            devices.put(device.key(), device);
        }

        @Override
        public void removeDevice(DeviceKey key) {
            devices.remove(key);
            gatewayDevices.remove(key);
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
            sessions.put(key, new Entry(entry.session(), Map.copyOf(updated), entry.subdevices()));
        }

        @Override
        public void unsubscribe(SessionKey key, List<String> filters) {
            Entry entry = sessions.get(key);
            Map<String, String> updated = new TreeMap<>(entry.filters());
            filters.forEach(updated::remove);
            sessions.put(key, new Entry(entry.session(), Map.copyOf(updated), entry.subdevices()));
        }
    }
}
