package io.thingbus.device.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The registry's ports in memory, for domain tests: a transaction works on a copy that replaces the state only when
 * the work returns, so a thrown exception leaves nothing behind — as a rolled-back database transaction would.
 */
final class InMemoryRegistry implements RegistryStore {

    private record TokenEntry(TenantId owner, Instant createdAt) {
    }

    private record AttributeRow(DeviceKey device, AttributeScope scope, AttributeKey key) {
    }

    private record ChannelKey(TenantId tenant, ChannelId channel) {
    }

    private static final class State {
        final Map<TenantId, User> users = new HashMap<>();
        final Map<SecretHash, TenantId> apiKeys = new HashMap<>();
        final Map<DeviceToken, TokenEntry> tokens = new HashMap<>();
        final Map<DeviceKey, Device> devices = new HashMap<>();
        final List<OutboxMessage> outbox = new ArrayList<>();
        final Map<DeviceKey, SubdeviceLink> links = new HashMap<>();
        final Map<GatewayConnection, Instant> endedConnections = new HashMap<>();
        final Map<AttributeRow, JsonNode> attributes = new HashMap<>();
        final Map<DeviceKey, ClaimWindow> windows = new HashMap<>();
        final Map<DeviceKey, TenantId> claimedAway = new HashMap<>();
        final Map<ChannelKey, DeviceId> channels = new HashMap<>();

        State copy() {
            State copy = new State();
            copy.users.putAll(users);
            copy.apiKeys.putAll(apiKeys);
            copy.tokens.putAll(tokens);
            copy.devices.putAll(devices);
            copy.outbox.addAll(outbox);
            copy.links.putAll(links);
            copy.endedConnections.putAll(endedConnections);
            copy.attributes.putAll(attributes);
            copy.windows.putAll(windows);
            copy.claimedAway.putAll(claimedAway);
            copy.channels.putAll(channels);
            return copy;
        }
    }

    private State state = new State();
    private int transactions;

    @Override
    public synchronized <T> T inTransaction(Function<RegistryTransaction, T> work) {
        transactions++;
        State working = state.copy();
        T result = work.apply(new Transaction(working));
        state = working;
        return result;
    }

    synchronized int transactions() {
        return transactions;
    }

    synchronized List<OutboxMessage> outbox() {
        return List.copyOf(state.outbox);
    }

    synchronized Map<DeviceKey, Device> devices() {
        return Map.copyOf(state.devices);
    }

    synchronized Optional<SubdeviceLink> link(DeviceKey device) {
        return Optional.ofNullable(state.links.get(device));
    }

    /** The ended gateway connections remembered now. */
    synchronized Set<GatewayConnection> endedConnections() {
        return Set.copyOf(state.endedConnections.keySet());
    }

    synchronized Optional<ClaimWindow> window(DeviceKey device) {
        return Optional.ofNullable(state.windows.get(device));
    }

    synchronized SortedMap<AttributeKey, JsonNode> attributes(DeviceKey device, AttributeScope scope) {
        return new Transaction(state).read(device, scope);
    }

    synchronized boolean claimedAway(DeviceKey device) {
        return state.claimedAway.containsKey(device);
    }

    synchronized boolean hasChannel(TenantId tenant, ChannelId channel) {
        return state.channels.containsKey(new ChannelKey(tenant, channel));
    }

    private record Transaction(State state) implements RegistryTransaction, Users, Credentials, Devices, Outbox,
            SubdeviceLinks, EndedConnections, Attributes, Claims, Channels {

        @Override
        public Users users() {
            return this;
        }

        @Override
        public Credentials credentials() {
            return this;
        }

        @Override
        public Devices devices() {
            return this;
        }

        @Override
        public Outbox outbox() {
            return this;
        }

        @Override
        public SubdeviceLinks links() {
            return this;
        }

        @Override
        public EndedConnections endedConnections() {
            return this;
        }

        @Override
        public Attributes attributes() {
            return this;
        }

        @Override
        public Claims claims() {
            return this;
        }

        @Override
        public Channels channels() {
            return this;
        }

        @Override
        public boolean insert(User user) {
            return state.users.putIfAbsent(user.id(), user) == null;
        }

        @Override
        public Optional<User> find(TenantId id) {
            return Optional.ofNullable(state.users.get(id));
        }

        @Override
        public Optional<User> findForUpdate(TenantId id) {
            return find(id);
        }

        @Override
        public boolean exists(TenantId id) {
            return state.users.containsKey(id);
        }

        @Override
        public void update(User user) {
            state.users.put(user.id(), user);
        }

        @Override
        public boolean addApiKey(TenantId owner, SecretHash keyHash, Instant createdAt) {
            return state.apiKeys.putIfAbsent(keyHash, owner) == null;
        }

        @Override
        public boolean removeApiKey(TenantId owner, SecretHash keyHash) {
            return state.apiKeys.remove(keyHash, owner);
        }

        @Override
        public boolean addDeviceToken(TenantId owner, DeviceToken token, Instant createdAt) {
            return state.tokens.putIfAbsent(token, new TokenEntry(owner, createdAt)) == null;
        }

        @Override
        public boolean removeDeviceToken(TenantId owner, DeviceToken token) {
            return ownsDeviceToken(owner, token) && state.tokens.remove(token) != null;
        }

        @Override
        public boolean ownsDeviceToken(TenantId owner, DeviceToken token) {
            TokenEntry entry = state.tokens.get(token);
            return entry != null && entry.owner().equals(owner);
        }

        @Override
        public Optional<DeviceToken> firstDeviceToken(TenantId owner) {
            return state.tokens.entrySet().stream()
                    .filter(e -> e.getValue().owner().equals(owner))
                    .min(Comparator.comparing((Map.Entry<DeviceToken, TokenEntry> e) -> e.getValue().createdAt())
                            .thenComparing(e -> e.getKey().value()))
                    .map(Map.Entry::getKey);
        }

        @Override
        public Optional<DeviceToken> deviceTokenByHash(TenantId owner, io.thingbus.contracts.SecretHash tokenHash) {
            return state.tokens.entrySet().stream()
                    .filter(e -> e.getValue().owner().equals(owner) && e.getKey().hash().equals(tokenHash))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }

        @Override
        public List<Device> list(TenantId tenant) {
            return state.devices.values().stream()
                    .filter(d -> d.key().tenant().equals(tenant))
                    .sorted(Comparator.comparing(d -> d.key().device().value()))
                    .map(this::withLink)
                    .toList();
        }

        @Override
        public List<Device> subdevicesOf(TenantId tenant, DeviceId gateway) {
            return list(tenant).stream()
                    .filter(d -> d.gateway().map(link -> link.gatewayId().equals(gateway)
                            && link.gatewayTenant().equals(tenant)).orElse(false))
                    .toList();
        }

        @Override
        public Optional<Device> find(DeviceKey key) {
            return Optional.ofNullable(state.devices.get(key)).map(this::withLink);
        }

        private Device withLink(Device device) {
            return device.withGateway(Optional.ofNullable(state.links.get(device.key())))
                    .withAssociatedChannels(associatedWith(device.key()));
        }

        @Override
        public List<Device> choosingForUpdate(TenantId tenant, ChannelId channel) {
            return list(tenant).stream().filter(d -> d.chosenChannel().equals(Optional.of(channel))).toList();
        }

        @Override
        public Optional<Device> findForUpdate(DeviceKey key) {
            return find(key);
        }

        @Override
        public boolean insert(Device device) {
            requireChosenChannel(device);
            return state.devices.putIfAbsent(device.key(), device) == null;
        }

        @Override
        public void update(Device device) {
            requireChosenChannel(device);
            state.devices.put(device.key(), device);
        }

        @Override
        public void put(TenantId tenant, ChannelId channel, DeviceId device) {
            state.channels.put(new ChannelKey(tenant, channel), device);
        }

        @Override
        public boolean remove(TenantId tenant, ChannelId channel) {
            if (state.devices.values().stream().anyMatch(d -> d.key().tenant().equals(tenant)
                    && d.chosenChannel().equals(Optional.of(channel)))) {
                throw new IllegalStateException("foreign key: a device chose channel " + channel);
            }
            return state.channels.remove(new ChannelKey(tenant, channel)) != null;
        }

        @Override
        public boolean lockIfExists(TenantId tenant, ChannelId channel) {
            return state.channels.containsKey(new ChannelKey(tenant, channel));
        }

        @Override
        public List<ChannelId> associatedWith(DeviceKey device) {
            return state.channels.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(device.tenant()) && e.getValue().equals(device.device()))
                    .map(e -> e.getKey().channel())
                    .sorted(Comparator.comparing(ChannelId::value))
                    .toList();
        }

        /** What the database's foreign key from devices to channels enforces. */
        private void requireChosenChannel(Device device) {
            device.chosenChannel().ifPresent(channel -> {
                if (!state.channels.containsKey(new ChannelKey(device.key().tenant(), channel))) {
                    throw new IllegalStateException("foreign key: no channel " + channel);
                }
            });
        }

        @Override
        public boolean delete(DeviceKey key) {
            state.links.remove(key);
            state.windows.remove(key);
            state.attributes.keySet().removeIf(row -> row.device().equals(key));
            return state.devices.remove(key) != null;
        }

        @Override
        public List<Device> usingTokenForUpdate(TenantId tenant, DeviceToken token) {
            return list(tenant).stream().filter(d -> d.token().equals(Optional.of(token))).toList();
        }

        @Override
        public void append(OutboxMessage message) {
            state.outbox.add(message);
        }

        @Override
        public boolean connect(DeviceKey device, SubdeviceLink link) {
            requireDevice(device);
            SubdeviceLink current = state.links.get(device);
            if (current != null && current.lastSeenAt().isAfter(link.lastSeenAt())) {
                return false;
            }
            state.links.put(device, link);
            return true;
        }

        @Override
        public boolean disconnect(DeviceKey device, TenantId gatewayTenant, String gatewayClientId, Instant at) {
            SubdeviceLink current = state.links.get(device);
            if (current == null || !current.gatewayTenant().equals(gatewayTenant)
                    || !current.gatewayClientId().equals(gatewayClientId)
                    || current.lastSeenAt().isAfter(at)) {
                return false;
            }
            state.links.put(device, disconnected(current, at));
            return true;
        }

        @Override
        public int disconnectSession(TenantId gatewayTenant, String gatewayClientId, String connectionId,
                                     Instant at) {
            List<DeviceKey> ended = state.links.entrySet().stream()
                    .filter(e -> e.getValue().gatewayTenant().equals(gatewayTenant) && e.getValue().connected()
                            && e.getValue().gatewayClientId().equals(gatewayClientId)
                            && e.getValue().connectionId().equals(connectionId))
                    .map(Map.Entry::getKey)
                    .toList();
            ended.forEach(key -> state.links.put(key, disconnected(state.links.get(key), at)));
            return ended.size();
        }

        @Override
        public void remember(GatewayConnection connection, Instant endedAt, Instant rememberedAt) {
            state.endedConnections.merge(connection, rememberedAt, (old, now) -> old.isAfter(now) ? old : now);
        }

        @Override
        public boolean ended(GatewayConnection connection) {
            return state.endedConnections.containsKey(connection);
        }

        @Override
        public int forgetRememberedBefore(Instant cutoff) {
            int before = state.endedConnections.size();
            state.endedConnections.values().removeIf(rememberedAt -> rememberedAt.isBefore(cutoff));
            return before - state.endedConnections.size();
        }

        private static SubdeviceLink disconnected(SubdeviceLink link, Instant at) {
            Instant lastSeen = link.lastSeenAt().isAfter(at) ? link.lastSeenAt() : at;
            return new SubdeviceLink(link.gatewayTenant(), link.gatewayId(), link.gatewayClientId(),
                    link.connectionId(), false, lastSeen);
        }

        @Override
        public SortedMap<AttributeKey, JsonNode> read(DeviceKey device, AttributeScope scope) {
            SortedMap<AttributeKey, JsonNode> values = new TreeMap<>();
            state.attributes.forEach((row, value) -> {
                if (row.device().equals(device) && row.scope() == scope) {
                    values.put(row.key(), value);
                }
            });
            return values;
        }

        @Override
        public void apply(DeviceKey device, AttributeScope scope, AttributePatch patch, Instant now) {
            requireDevice(device);
            patch.changes().forEach((key, value) -> {
                AttributeRow row = new AttributeRow(device, scope, key);
                if (value.isNull()) {
                    state.attributes.remove(row);
                } else {
                    state.attributes.put(row, value);
                }
            });
        }

        @Override
        public boolean open(ClaimWindow window) {
            requireDevice(window.device());
            ClaimWindow current = state.windows.get(window.device());
            if (current != null && current.openedAt().isAfter(window.openedAt())) {
                return false;
            }
            state.windows.put(window.device(), window);
            return true;
        }

        @Override
        public List<ClaimWindow> openWindows(DeviceId device, io.thingbus.contracts.SecretHash secretHash,
                                             Instant now, TenantId claimer) {
            return state.windows.values().stream()
                    .filter(w -> w.device().device().equals(device) && w.secretHash().equals(secretHash)
                            && w.isOpenAt(now) && !w.device().tenant().equals(claimer))
                    .toList();
        }

        @Override
        public void markClaimedAway(DeviceKey formerDevice, TenantId claimer, Instant at) {
            state.claimedAway.put(formerDevice, claimer);
        }

        @Override
        public boolean unmarkClaimedAway(DeviceKey device) {
            return state.claimedAway.remove(device) != null;
        }

        @Override
        public List<DeviceKey> releaseClaimsOn(DeviceKey claimedDevice) {
            List<DeviceKey> released = state.claimedAway.entrySet().stream()
                    .filter(e -> e.getKey().device().equals(claimedDevice.device())
                            && e.getValue().equals(claimedDevice.tenant()))
                    .map(Map.Entry::getKey)
                    .sorted(Comparator.comparing(DeviceKey::asString))
                    .toList();
            released.forEach(state.claimedAway::remove);
            return released;
        }

        @Override
        public boolean isClaimedAway(DeviceKey device) {
            return state.claimedAway.containsKey(device);
        }

        /** What the database's foreign keys enforce. */
        private void requireDevice(DeviceKey device) {
            if (!state.devices.containsKey(device)) {
                throw new IllegalStateException("foreign key: no device " + device);
            }
        }
    }
}
