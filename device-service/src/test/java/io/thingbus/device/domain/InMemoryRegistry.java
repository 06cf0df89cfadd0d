package io.thingbus.device.domain;

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
import java.util.function.Function;

/**
 * The registry's ports in memory, for domain tests: a transaction works on a copy that replaces the state only when
 * the work returns, so a thrown exception leaves nothing behind — as a rolled-back database transaction would.
 */
final class InMemoryRegistry implements RegistryStore {

    private record TokenEntry(TenantId owner, Instant createdAt) {
    }

    private static final class State {
        final Map<TenantId, User> users = new HashMap<>();
        final Map<SecretHash, TenantId> apiKeys = new HashMap<>();
        final Map<DeviceToken, TokenEntry> tokens = new HashMap<>();
        final Map<DeviceKey, Device> devices = new HashMap<>();
        final List<OutboxMessage> outbox = new ArrayList<>();

        State copy() {
            State copy = new State();
            copy.users.putAll(users);
            copy.apiKeys.putAll(apiKeys);
            copy.tokens.putAll(tokens);
            copy.devices.putAll(devices);
            copy.outbox.addAll(outbox);
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

    private record Transaction(State state) implements RegistryTransaction, Users, Credentials, Devices, Outbox {

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
                    .toList();
        }

        @Override
        public Optional<Device> find(DeviceKey key) {
            return Optional.ofNullable(state.devices.get(key));
        }

        @Override
        public Optional<Device> findForUpdate(DeviceKey key) {
            return find(key);
        }

        @Override
        public boolean insert(Device device) {
            return state.devices.putIfAbsent(device.key(), device) == null;
        }

        @Override
        public void update(Device device) {
            state.devices.put(device.key(), device);
        }

        @Override
        public boolean delete(DeviceKey key) {
            return state.devices.remove(key) != null;
        }

        @Override
        public int releaseToken(TenantId tenant, DeviceToken token, Instant now) {
            List<Device> using = list(tenant).stream().filter(d -> d.token().equals(Optional.of(token))).toList();
            using.forEach(d -> update(d.changed(d.name(), Optional.empty(), now)));
            return using.size();
        }

        @Override
        public void append(OutboxMessage message) {
            state.outbox.add(message);
        }
    }
}
