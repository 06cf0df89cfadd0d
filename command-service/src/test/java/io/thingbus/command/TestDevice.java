package io.thingbus.command;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A device of a fresh random tenant with its device token, and what the registry and the broker would write about
 * it and about the MQTT clients that use its token.
 */
final class TestDevice {

    final TenantId tenant;
    final DeviceId id;
    final String token;

    private TestDevice(TenantId tenant, DeviceId id, String token) {
        this.tenant = tenant;
        this.id = id;
        this.token = token;
    }

    static TestDevice random() {
        return new TestDevice(randomTenant(), DeviceId.of("dev-" + UUID.randomUUID().toString().substring(0, 8)),
                "tok" + UUID.randomUUID().toString().replace("-", ""));
    }

    static TenantId randomTenant() {
        return TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** Another device of the same tenant with the same token. */
    TestDevice sibling() {
        return new TestDevice(tenant, DeviceId.of("dev-" + UUID.randomUUID().toString().substring(0, 8)), token);
    }

    /** Another device of the same tenant with a token of its own. */
    TestDevice withOwnToken() {
        return new TestDevice(tenant, DeviceId.of("dev-" + UUID.randomUUID().toString().substring(0, 8)),
                "tok" + UUID.randomUUID().toString().replace("-", ""));
    }

    DeviceKey key() {
        return DeviceKey.of(tenant, id);
    }

    SecretHash tokenHash() {
        return SecretHash.of(token);
    }

    DeviceRecord record() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new DeviceRecord(tenant, id, id.value(), ChannelId.defaultFor(tenant, id), "api", now, now,
                tokenHash());
    }

    DeviceRecord recordWithoutToken() {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");
        return new DeviceRecord(tenant, id, id.value(), ChannelId.defaultFor(tenant, id), "api", now, now);
    }

    /** A client that authenticated with this device's token connected. */
    SessionEventRecord connected(String clientId, String connection) {
        return new SessionEventRecord(SessionEventRecord.CONNECTED, tenant, clientId, connection, "broker-0",
                tokenHash(), "tcp", "3.1.1", List.of(), null, Instant.now());
    }

    SessionEventRecord subscribed(String clientId, String connection, SessionSubscription... subscriptions) {
        return new SessionEventRecord(SessionEventRecord.SUBSCRIBED, tenant, clientId, connection, "broker-0", null,
                null, null, List.of(subscriptions), null, Instant.now());
    }

    SessionEventRecord disconnected(String clientId, String connection) {
        return new SessionEventRecord(SessionEventRecord.DISCONNECTED, tenant, clientId, connection, "broker-0",
                null, null, null, List.of(), "client", Instant.now());
    }

    /** {@code <TOKEN>/<DEVICE_ID>/subscribe}, as the broker classifies it. */
    SessionSubscription downlinkFilter() {
        return downlinkFilterOf(id);
    }

    /** This token's downlink filter for another device id, as the broker classifies it. */
    SessionSubscription downlinkFilterOf(DeviceId device) {
        return new SessionSubscription(token + "/" + device.value() + "/subscribe", 1, device.value());
    }

    /** {@code <TOKEN>/#}: every device of the token. */
    SessionSubscription everyDeviceFilter() {
        return new SessionSubscription(token + "/#", 1, SessionSubscription.ALL_DEVICES);
    }
}
