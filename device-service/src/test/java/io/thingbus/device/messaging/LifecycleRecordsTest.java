package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.GatewayEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleRecordsTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final SecretHash TOKEN = SecretHash.of("token");

    @Test
    void subdeviceConnected_becomesAConnectInTheRecordsTenant() {
        byte[] value = SubdeviceEventRecord.CODEC.encode(new SubdeviceEventRecord("connected", TENANT,
                DeviceId.of("Device A"), null, DeviceId.of("gw-1"), "gw-1", "c-1", "broker-0", TOKEN, AT));

        assertThat(LifecycleRecords.read(SubdeviceEventRecord.TYPE, value)).contains(
                new GatewayEvent.SubdeviceConnected(DeviceKey.of(TENANT, DeviceId.of("Device A")), TENANT,
                        DeviceId.of("gw-1"), "gw-1", "c-1", Optional.of(TOKEN), AT));
    }

    @Test
    void subdeviceDisconnected_becomesADisconnect() {
        byte[] value = SubdeviceEventRecord.CODEC.encode(new SubdeviceEventRecord("disconnected", TENANT,
                DeviceId.of("Device A"), null, DeviceId.of("gw-1"), "gw-1", "c-1", "broker-0", null, AT));

        assertThat(LifecycleRecords.read(SubdeviceEventRecord.TYPE, value)).contains(
                new GatewayEvent.SubdeviceDisconnected(DeviceKey.of(TENANT, DeviceId.of("Device A")), TENANT, "gw-1",
                        AT));
    }

    @Test
    void eventsAboutADeviceOfAnotherUser_areAboutTheOwnersDeviceFromTheGatewaysSession() {
        TenantId owner = TenantId.of("U9z8y7x6w");
        DeviceKey ownersDevice = DeviceKey.of(owner, DeviceId.of("Device A"));
        byte[] connected = SubdeviceEventRecord.CODEC.encode(new SubdeviceEventRecord("connected", TENANT,
                DeviceId.of("Device A"), null, DeviceId.of("gw-1"), "gw-1", "c-1", "broker-0", TOKEN, AT, owner));
        byte[] disconnected = SubdeviceEventRecord.CODEC.encode(new SubdeviceEventRecord("disconnected", TENANT,
                DeviceId.of("Device A"), null, DeviceId.of("gw-1"), "gw-1", "c-1", "broker-0", null, AT, owner));

        assertThat(LifecycleRecords.read(SubdeviceEventRecord.TYPE, connected)).contains(
                new GatewayEvent.SubdeviceConnected(ownersDevice, TENANT, DeviceId.of("gw-1"), "gw-1", "c-1",
                        Optional.of(TOKEN), AT));
        assertThat(LifecycleRecords.read(SubdeviceEventRecord.TYPE, disconnected)).contains(
                new GatewayEvent.SubdeviceDisconnected(ownersDevice, TENANT, "gw-1", AT));
        assertThat(LifecycleRecords.read(SubdeviceEventRecord.TYPE, connected))
                .map(GatewayEvent::gatewayTenant).contains(TENANT);
    }

    @Test
    void sessionDisconnected_endsTheSessionAndOtherSessionEventsMeanNothing() {
        assertThat(LifecycleRecords.read(SessionEventRecord.TYPE, session("disconnected")))
                .contains(new GatewayEvent.SessionEnded(TENANT, "gw-1", "c-1", AT));
        assertThat(LifecycleRecords.read(SessionEventRecord.TYPE, session("connected"))).isEmpty();
        assertThat(LifecycleRecords.read(SessionEventRecord.TYPE, session("subscribed"))).isEmpty();
    }

    @Test
    void unknownRecordTypes_meanNothing() {
        assertThat(LifecycleRecords.read("io.thingbus.something-else.v1", "garbage".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aBrokenValue_isMalformed() {
        byte[] unknownEvent = ("{\"event\":\"exploded\",\"tenant\":\"U1a2b3c4d\",\"device_id\":\"d\","
                + "\"gateway_id\":\"g\",\"client_id\":\"g\",\"connection_id\":\"c\",\"broker\":\"b\","
                + "\"at\":\"2026-11-21T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LifecycleRecords.read(SubdeviceEventRecord.TYPE, unknownEvent))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> LifecycleRecords.read(SubdeviceEventRecord.TYPE, null))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static byte[] session(String event) {
        return SessionEventRecord.CODEC.encode(new SessionEventRecord(event, TENANT, "gw-1", "c-1", "broker-0", null,
                null, null, List.of(), null, AT));
    }
}
