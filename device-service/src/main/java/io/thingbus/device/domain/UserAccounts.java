package io.thingbus.device.domain;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Users and their credentials: what the operator does through the admin API and what users do with their own
 * profile. Every credential change is announced through the outbox in the same transaction. Thread-safe.
 */
public final class UserAccounts {

    /** Random ids and secrets collide practically never; a few attempts make it never. */
    private static final int ATTEMPTS = 5;

    private final RegistryStore store;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Plan defaultPlan;

    public UserAccounts(RegistryStore store, SecretGenerator secrets, Clock clock, Plan defaultPlan) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.defaultPlan = defaultPlan;
    }

    /** Creates a user with a fresh id, one API key and one device token. */
    public IssuedUser createUser(NewUser request) {
        Instant now = now();
        return store.inTransaction(tx -> {
            User user = insertUser(tx, request, now);
            ApiKey apiKey = addApiKey(tx, user, now);
            DeviceToken token = addDeviceToken(tx, user.id(), now);
            return new IssuedUser(user, apiKey, token);
        });
    }

    /** @throws UnknownUserException when there is no such user */
    public User user(TenantId id) {
        return store.inTransaction(tx -> tx.users().find(id).orElseThrow(UnknownUserException::new));
    }

    /** @throws UnknownUserException when there is no such user */
    public User updateProfile(TenantId id, ProfileChange change) {
        Instant now = now();
        return store.inTransaction(tx -> {
            User changed = tx.users().findForUpdate(id).orElseThrow(UnknownUserException::new).withProfile(change, now);
            tx.users().update(changed);
            return changed;
        });
    }

    /** @throws UnknownUserException when there is no such user */
    public ApiKey issueApiKey(TenantId owner) {
        Instant now = now();
        return store.inTransaction(tx -> addApiKey(tx, existingUser(tx, owner), now));
    }

    /** @throws UnknownUserException when there is no such user */
    public DeviceToken issueDeviceToken(TenantId owner) {
        Instant now = now();
        return store.inTransaction(tx -> addDeviceToken(tx, existingUser(tx, owner).id(), now));
    }

    /**
     * Revokes a device token: the broker stops accepting it, and devices it was assigned to keep no token (a new
     * version each, announced on the devices topic without a token hash, before the credential's tombstone).
     *
     * @throws UnknownUserException when there is no such user
     * @throws UnknownCredentialException when the user has no such token
     */
    public void revokeDeviceToken(TenantId owner, DeviceToken token) {
        Instant now = now();
        store.inTransaction(tx -> {
            existingUser(tx, owner);
            if (!tx.credentials().ownsDeviceToken(owner, token)) {
                throw new UnknownCredentialException();
            }
            releaseToken(tx, owner, token, now);
            tx.credentials().removeDeviceToken(owner, token);
            tx.outbox().append(OutboxMessages.deviceTokenRevoked(owner, token, now));
            return null;
        });
    }

    /**
     * Revokes an API key: the gateway stops accepting it.
     *
     * @throws UnknownUserException when there is no such user
     * @throws UnknownCredentialException when the user has no key with that hash
     */
    public void revokeApiKey(TenantId owner, SecretHash keyHash) {
        Instant now = now();
        store.inTransaction(tx -> {
            existingUser(tx, owner);
            if (!tx.credentials().removeApiKey(owner, keyHash)) {
                throw new UnknownCredentialException();
            }
            tx.outbox().append(OutboxMessages.apiKeyRevoked(owner, keyHash, now));
            return null;
        });
    }

    /** Writes each device before the message announcing it (see {@link RegistryTransaction}). */
    private static void releaseToken(RegistryTransaction tx, TenantId owner, DeviceToken token, Instant now) {
        for (Device device : tx.devices().usingTokenForUpdate(owner, token)) {
            Device released = device.withoutToken(now);
            tx.devices().update(released);
            tx.outbox().append(OutboxMessages.deviceChanged(released));
        }
    }

    private static User existingUser(RegistryTransaction tx, TenantId id) {
        return tx.users().findForUpdate(id).orElseThrow(UnknownUserException::new);
    }

    private User insertUser(RegistryTransaction tx, NewUser request, Instant now) {
        Plan plan = request.plan().orElse(defaultPlan);
        return firstAccepted(
                () -> new User(secrets.newUserId(), request.name(), request.email(), plan, now, now),
                user -> tx.users().insert(user));
    }

    private ApiKey addApiKey(RegistryTransaction tx, User owner, Instant now) {
        ApiKey key = firstAccepted(secrets::newApiKey, k -> tx.credentials().addApiKey(owner.id(), k.hash(), now));
        tx.outbox().append(OutboxMessages.apiKeyIssued(owner.id(), key.hash(), owner.plan(), now));
        return key;
    }

    private DeviceToken addDeviceToken(RegistryTransaction tx, TenantId owner, Instant now) {
        DeviceToken token = firstAccepted(secrets::newDeviceToken, t -> tx.credentials().addDeviceToken(owner, t, now));
        tx.outbox().append(OutboxMessages.deviceTokenIssued(owner, token, now));
        return token;
    }

    private static <T> T firstAccepted(Supplier<T> candidates, Predicate<T> store) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            T candidate = candidates.get();
            if (store.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no unused random value after " + ATTEMPTS + " attempts");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
