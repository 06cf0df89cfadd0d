package io.thingbus.stream.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import io.thingbus.stream.domain.DeviceChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceRecordsTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final DeviceKey KEY = DeviceKey.of(TENANT, DeviceId.of("dev-1"));
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void deviceRecord_namesTheChannelOfItsDevice() {
        DeviceChange change = DeviceRecords.decode(utf8(KEY.asString()), DeviceRecord.CODEC.encode(record(KEY)));

        assertThat(change).isEqualTo(new DeviceChange.Registered(KEY, ChannelId.of("kitchen")));
    }

    @Test
    void tombstone_removesTheDevice() {
        assertThat(DeviceRecords.decode(utf8(KEY.asString()), null)).isEqualTo(new DeviceChange.Removed(KEY));
    }

    @Test
    void recordsThatBreakTheContract_areMalformed() {
        byte[] value = DeviceRecord.CODEC.encode(record(KEY));
        DeviceKey other = DeviceKey.of(TENANT, DeviceId.of("dev-2"));

        assertThatThrownBy(() -> DeviceRecords.decode(null, value)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceRecords.decode(utf8("no-slash"), value))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceRecords.decode(utf8(other.asString()), value))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("under key");
        assertThatThrownBy(() -> DeviceRecords.decode(utf8(KEY.asString()), utf8("{\"tenant\":")))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static DeviceRecord record(DeviceKey key) {
        return new DeviceRecord(key.tenant(), key.device(), "Device 1", ChannelId.of("kitchen"), "api", T0, T0);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
