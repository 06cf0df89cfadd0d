package io.thingbus.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.broker.domain.ClaimedDevices;
import io.thingbus.broker.domain.GatewaySubdevices;
import io.thingbus.broker.domain.SubdeviceOwnership;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DeviceClaimRecordsTest {

    private static final TenantId FORMER = TenantId.of("Uab12cd34ef");
    private static final TenantId CLAIMER = TenantId.of("Uclaimer01");
    private static final DeviceId DEVICE = DeviceId.of("Device A");

    private final ClaimedDevices claims = new ClaimedDevices();
    private final SubdeviceOwnership ownership = new SubdeviceOwnership(claims, new GatewaySubdevices(claims),
            records -> CompletableFuture.completedFuture(null), Clock.systemUTC());

    @Test
    void record_putsTheDeviceUnderTheClaimer() {
        DeviceClaimRecords.apply(key(FORMER, DEVICE), value(FORMER, DEVICE, CLAIMER), ownership);

        assertThat(claims.ownerOf(FORMER, DEVICE)).isEqualTo(CLAIMER);
    }

    @Test
    void tombstone_givesTheDeviceBack() {
        DeviceClaimRecords.apply(key(FORMER, DEVICE), value(FORMER, DEVICE, CLAIMER), ownership);
        DeviceClaimRecords.apply(key(FORMER, DEVICE), null, ownership);

        assertThat(claims.ownerOf(FORMER, DEVICE)).isEqualTo(FORMER);
        assertThat(claims.size()).isZero();
    }

    @Test
    void malformedRecords_areRejectedWithoutChangingTheClaims() {
        DeviceClaimRecords.apply(key(FORMER, DEVICE), value(FORMER, DEVICE, CLAIMER), ownership);

        assertThatThrownBy(() -> DeviceClaimRecords.apply(null, value(FORMER, DEVICE, CLAIMER), ownership))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceClaimRecords.apply(utf8("no-slash"), null, ownership))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceClaimRecords.apply(key(FORMER, DEVICE), utf8("{"), ownership))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceClaimRecords.apply(key(FORMER, DEVICE), utf8("{\"tenant\":\""
                + FORMER.value() + "\",\"device_id\":\"Device A\",\"claimed_by\":\"" + FORMER.value()
                + "\",\"claimed_at\":\"2026-11-21T10:00:00Z\"}"), ownership))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceClaimRecords.apply(key(FORMER, DeviceId.of("Device B")),
                value(FORMER, DEVICE, TenantId.of("Uother0001")), ownership))
                .isInstanceOf(MalformedRecordException.class);

        assertThat(claims.ownerOf(FORMER, DEVICE)).isEqualTo(CLAIMER);
        assertThat(claims.size()).isEqualTo(1);
    }

    private static byte[] key(TenantId tenant, DeviceId device) {
        return utf8(DeviceKey.of(tenant, device).asString());
    }

    private static byte[] value(TenantId former, DeviceId device, TenantId claimer) {
        return DeviceClaimRecord.CODEC.encode(new DeviceClaimRecord(former, device, claimer, Instant.now()));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
