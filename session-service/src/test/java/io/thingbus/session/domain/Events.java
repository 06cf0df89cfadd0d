package io.thingbus.session.domain;

import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;

/** Session event records as a broker would write them, for one client of one tenant. */
final class Events {

    static final SecretHash TOKEN_HASH = SecretHash.of("token-of-the-tests");

    private final TenantId tenant;
    private final String clientId;

    Events(TenantId tenant, String clientId) {
        this.tenant = tenant;
        this.clientId = clientId;
    }

    SessionEventRecord connected(String connection, String broker, String transport, Instant at) {
        return new SessionEventRecord(SessionEventRecord.CONNECTED, tenant, clientId, connection, broker, TOKEN_HASH,
                transport, "3.1.1", List.of(), null, at);
    }

    SessionEventRecord disconnected(String connection, String broker, String reason) {
        return new SessionEventRecord(SessionEventRecord.DISCONNECTED, tenant, clientId, connection, broker, null,
                null, null, List.of(), reason, Instant.parse("2026-11-21T12:00:00Z"));
    }

    SessionEventRecord subscribed(String connection, String broker, SessionSubscription... subscriptions) {
        return new SessionEventRecord(SessionEventRecord.SUBSCRIBED, tenant, clientId, connection, broker, null,
                null, null, List.of(subscriptions), null, Instant.parse("2026-11-21T11:00:00Z"));
    }

    SessionEventRecord unsubscribed(String connection, String broker, String... filters) {
        return new SessionEventRecord(SessionEventRecord.UNSUBSCRIBED, tenant, clientId, connection, broker, null,
                null, null, java.util.Arrays.stream(filters).map(f -> new SessionSubscription(f, 0, null)).toList(),
                null, Instant.parse("2026-11-21T11:30:00Z"));
    }

    static SessionSubscription downlink(String device) {
        return new SessionSubscription("tok/" + device + "/subscribe", 1, device);
    }
}
