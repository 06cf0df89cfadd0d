package io.thingbus.session;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One MQTT client of a fresh random tenant, and the session events a broker would write about it. */
final class TestClient {

    final TenantId tenant;
    final String clientId;
    final String token = "tok" + UUID.randomUUID().toString().replace("-", "");

    TestClient(TenantId tenant, String clientId) {
        this.tenant = tenant;
        this.clientId = clientId;
    }

    static TestClient random() {
        return new TestClient(randomTenant(), "dev-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static TenantId randomTenant() {
        return TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** Another client of the same tenant. */
    TestClient sibling(String otherClientId) {
        return new TestClient(tenant, otherClientId);
    }

    SessionEventRecord connected(String connection, String broker, String transport, String version, Instant at) {
        return new SessionEventRecord(SessionEventRecord.CONNECTED, tenant, clientId, connection, broker,
                SecretHash.of(token), transport, version, List.of(), null, at.truncatedTo(ChronoUnit.MILLIS));
    }

    SessionEventRecord connected(String connection, String broker) {
        return connected(connection, broker, "tcp", "3.1.1", Instant.now());
    }

    SessionEventRecord disconnected(String connection, String broker, String reason) {
        return new SessionEventRecord(SessionEventRecord.DISCONNECTED, tenant, clientId, connection, broker, null,
                null, null, List.of(), reason, Instant.now());
    }

    SessionEventRecord subscribed(String connection, String broker, SessionSubscription... subscriptions) {
        return new SessionEventRecord(SessionEventRecord.SUBSCRIBED, tenant, clientId, connection, broker, null,
                null, null, List.of(subscriptions), null, Instant.now());
    }

    SessionEventRecord unsubscribed(String connection, String broker, String... filters) {
        return new SessionEventRecord(SessionEventRecord.UNSUBSCRIBED, tenant, clientId, connection, broker, null,
                null, null, Arrays.stream(filters).map(f -> new SessionSubscription(f, 0, null)).toList(), null,
                Instant.now());
    }

    /** This client, as a gateway (its client id is its device id), announces that {@code device} connected. */
    SubdeviceEventRecord subdeviceConnected(String connection, String device, String type, Instant at) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, tenant, DeviceId.of(device), type,
                DeviceId.of(clientId), clientId, connection, "broker-0", SecretHash.of(token),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * This client, as a gateway, announces that {@code device} connected, a device {@code owner} claimed from this
     * client's tenant: the broker writes the owner as {@code device_tenant}.
     */
    SubdeviceEventRecord subdeviceConnectedFor(TenantId owner, String connection, String device, String type,
            Instant at) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, tenant, DeviceId.of(device), type,
                DeviceId.of(clientId), clientId, connection, "broker-0", SecretHash.of(token),
                at.truncatedTo(ChronoUnit.MILLIS), owner);
    }

    /** This client, as a gateway, announces that {@code device} disconnected. */
    SubdeviceEventRecord subdeviceDisconnected(String connection, String device) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, tenant, DeviceId.of(device), null,
                DeviceId.of(clientId), clientId, connection, "broker-0", SecretHash.of(token), Instant.now());
    }

    /** This client, as a gateway, announces that {@code owner}'s claimed {@code device} disconnected. */
    SubdeviceEventRecord subdeviceDisconnectedFor(TenantId owner, String connection, String device) {
        return new SubdeviceEventRecord(SubdeviceEventRecord.DISCONNECTED, tenant, DeviceId.of(device), null,
                DeviceId.of(clientId), clientId, connection, "broker-0", SecretHash.of(token), Instant.now(), owner);
    }

    /** The ThingScale downlink filter of a device: {@code <TOKEN>/<DEVICE_ID>/subscribe}. */
    SessionSubscription downlink(String device, int qos) {
        return new SessionSubscription(token + "/" + device + "/subscribe", qos, device);
    }

    /** {@code <TOKEN>/#}: every device of the token. */
    SessionSubscription everyDevice() {
        return new SessionSubscription(token + "/#", 1, SessionSubscription.ALL_DEVICES);
    }

    /** A filter that covers no downlink topic. */
    SessionSubscription unrelated(String filter) {
        return new SessionSubscription(filter, 0, null);
    }
}
