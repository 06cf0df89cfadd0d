package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;

/** Session and sub-device event records as a broker would write them, for one client of one tenant. */
final class Events {

    static final SecretHash TOKEN_HASH = SecretHash.of("token-of-the-tests");

    private final TenantId tenant;
    private final String clientId;

    Events(TenantId tenant, String clientId) {
        this.tenant = tenant;
        this.clientId = clientId;
    }

    LifecycleInput connected(String connection, String broker, String transport, Instant at) {
        return LifecycleInput.of(new SessionEventRecord(SessionEventRecord.CONNECTED, tenant, clientId, connection,
                broker, TOKEN_HASH, transport, "3.1.1", List.of(), null, at));
    }

    LifecycleInput disconnected(String connection, String broker, String reason) {
        return LifecycleInput.of(new SessionEventRecord(SessionEventRecord.DISCONNECTED, tenant, clientId, connection,
                broker, null, null, null, List.of(), reason, Instant.parse("2026-11-21T12:00:00Z")));
    }

    LifecycleInput subscribed(String connection, String broker, SessionSubscription... subscriptions) {
        return LifecycleInput.of(new SessionEventRecord(SessionEventRecord.SUBSCRIBED, tenant, clientId, connection,
                broker, null, null, null, List.of(subscriptions), null, Instant.parse("2026-11-21T11:00:00Z")));
    }

    LifecycleInput unsubscribed(String connection, String broker, String... filters) {
        return LifecycleInput.of(new SessionEventRecord(SessionEventRecord.UNSUBSCRIBED, tenant, clientId, connection,
                broker, null, null, null,
                java.util.Arrays.stream(filters).map(f -> new SessionSubscription(f, 0, null)).toList(), null,
                Instant.parse("2026-11-21T11:30:00Z")));
    }

    /** The client, as a gateway, announces that {@code device} connected through its connection. */
    LifecycleInput subdeviceConnected(String connection, String device, String type, Instant at) {
        return LifecycleInput.of(new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, tenant,
                DeviceId.of(device), type, DeviceId.of(clientId), clientId, connection, "broker-0", TOKEN_HASH, at));
    }

    /**
     * The client, as a gateway, announces that {@code device} connected, a device {@code owner} claimed from the
     * gateway's tenant (the broker's {@code device_tenant}).
     */
    LifecycleInput subdeviceConnectedFor(TenantId owner, String connection, String device, String type, Instant at) {
        return LifecycleInput.of(new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, tenant,
                DeviceId.of(device), type, DeviceId.of(clientId), clientId, connection, "broker-0", TOKEN_HASH, at,
                owner));
    }

    /** The client, as a gateway, announces that {@code owner}'s claimed {@code device} disconnected. */
    LifecycleInput subdeviceDisconnectedFor(TenantId owner, String connection, String device) {
        return LifecycleInput.of(new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, tenant,
                DeviceId.of(device), null, DeviceId.of(clientId), clientId, connection, "broker-0", TOKEN_HASH,
                Instant.parse("2026-11-21T12:30:00Z"), owner));
    }

    /** The client, as a gateway, announces that {@code device} disconnected. */
    LifecycleInput subdeviceDisconnected(String connection, String device) {
        return LifecycleInput.of(new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, tenant,
                DeviceId.of(device), null, DeviceId.of(clientId), clientId, connection, "broker-0", TOKEN_HASH,
                Instant.parse("2026-11-21T12:30:00Z")));
    }

    static SessionSubscription downlink(String device) {
        return new SessionSubscription("tok/" + device + "/subscribe", 1, device);
    }
}
