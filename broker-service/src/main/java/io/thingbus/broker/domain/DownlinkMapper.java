package io.thingbus.broker.domain;

import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a downlink record into the message this instance publishes, or says why it skips it:
 * <ul>
 * <li>expired records (expiry not after now) are skipped;</li>
 * <li>a topic with the {@code {token}} placeholder gets the plain token whose hash the record names — a token this
 * instance learnt from a connection it authenticated ({@link KnownTokens}); never seen: skipped; since revoked or
 * owned by another tenant than the record's: skipped;</li>
 * <li>a record naming a client ({@code clientId}) is delivered to that client only, and only when its connection or
 * session on this instance belongs to the record's tenant ({@link ClientSessions}) — or, for a topic gateways
 * subscribe to ({@code v1/gateway/rpc}, {@code v1/gateway/attributes}, {@code v1/gateway/attributes/response}), when
 * the record's tenant is the current owner of the record's device as the client's user's gateway names it
 * ({@link DeviceOwners}: the device was claimed away from the client's user, and the gateway still carries it);
 * otherwise it is skipped;</li>
 * <li>a record for a topic every tenant uses ({@code v1/...}, such as {@code v1/gateway/rpc}) must name a client:
 * delivered to every subscriber, it would reach other tenants' gateways;</li>
 * <li>QoS and content type are the record's; the expiry is the time left until the record's expiry (rounded up to
 * whole seconds), or {@code defaultExpiry} when it has none.</li>
 * </ul>
 * Topic syntax (wildcards, empty levels) is checked by the publisher, which knows the broker's rules.
 *
 * <p>Pure apart from the clock and the token, credential, client and owner look-ups; thread-safe.
 */
public final class DownlinkMapper {

    private final KnownTokens tokens;
    private final DeviceCredentials credentials;
    private final ClientSessions clients;
    private final DeviceOwners owners;
    private final Clock clock;
    private final Duration defaultExpiry;

    public DownlinkMapper(KnownTokens tokens, DeviceCredentials credentials, ClientSessions clients,
            DeviceOwners owners, Clock clock, Duration defaultExpiry) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultExpiry = Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        if (defaultExpiry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("thingbus.broker.downlink.default-expiry must be at least one second");
        }
    }

    /** Never null, never throws. */
    public DownlinkDecision decide(DownlinkRecord record) {
        Instant now = clock.instant();
        if (record.expiry().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
            return new DownlinkDecision.Skip(DownlinkSkipReason.EXPIRED);
        }
        Optional<DownlinkSkipReason> client = clientProblem(record);
        if (client.isPresent()) {
            return new DownlinkDecision.Skip(client.get());
        }
        if (record.tokenHash().isEmpty()) {
            return deliver(record, record.topic(), now);
        }
        SecretHash hash = record.tokenHash().get();
        Optional<DeviceToken> token = tokens.byHash(hash);
        if (token.isEmpty()) {
            return new DownlinkDecision.Skip(DownlinkSkipReason.UNKNOWN_TOKEN);
        }
        if (!credentials.ownerOf(hash).filter(record.tenant()::equals).isPresent()) {
            return new DownlinkDecision.Skip(DownlinkSkipReason.TOKEN_NOT_VALID);
        }
        return deliver(record, record.topicFor(token.get().value()), now);
    }

    /** Why the record's client (or the lack of one) stops it, or empty. */
    private Optional<DownlinkSkipReason> clientProblem(DownlinkRecord record) {
        if (record.clientId().isEmpty()) {
            return GatewayTopic.isSharedByTenants(record.topic())
                    ? Optional.of(DownlinkSkipReason.CLIENT_REQUIRED) : Optional.empty();
        }
        Optional<TenantId> holder = clients.ownerOf(record.clientId().get());
        if (holder.isEmpty()) {
            return Optional.of(DownlinkSkipReason.UNKNOWN_CLIENT);
        }
        return mayReach(record, holder.get()) ? Optional.empty() : Optional.of(DownlinkSkipReason.CLIENT_NOT_VALID);
    }

    /**
     * Whether the record's tenant may address a client of {@code clientTenant}: its own clients, and the gateways
     * that carry a device claimed away from their user to the record's tenant — on the gateway topics only.
     */
    private boolean mayReach(DownlinkRecord record, TenantId clientTenant) {
        if (clientTenant.equals(record.tenant())) {
            return true;
        }
        return GatewayTopic.allowsSubscription(record.topic())
                && owners.ownerOf(clientTenant, record.device()).equals(record.tenant());
    }

    private DownlinkDecision deliver(DownlinkRecord record, String topic, Instant now) {
        Duration expiry = record.expiry().map(e -> wholeSecondsUntil(now, e)).orElse(defaultExpiry);
        return new DownlinkDecision.Deliver(new OutboundMessage(topic, record.qos(), expiry, record.contentType(),
                record.payload(), record.clientId()));
    }

    private static Duration wholeSecondsUntil(Instant now, Instant expiry) {
        Duration left = Duration.between(now, expiry);
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
