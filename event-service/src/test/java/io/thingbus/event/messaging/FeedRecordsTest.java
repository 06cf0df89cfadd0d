package io.thingbus.event.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.ChannelChange;
import io.thingbus.event.domain.DeviceChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How records of the device registry and channel topics are read. */
class FeedRecordsTest {

    private static final TenantId TENANT = TenantId.of("Uowner1");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");
    private static final ChannelId KITCHEN = ChannelId.of("kitchen");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void aChannelRecord_announcesTheChannelWithItsDevice() {
        ChannelChange change = ChannelRecords.decode(bytes("Uowner1/kitchen"), ChannelRecord.CODEC.encode(kitchen()));

        assertThat(change).isEqualTo(new ChannelChange.Announced(TENANT, KITCHEN, DEVICE));
    }

    @Test
    void aChannelTombstone_deletesTheChannelOfItsKey() {
        assertThat(ChannelRecords.decode(bytes("Uowner1/kitchen"), null))
                .isEqualTo(new ChannelChange.Deleted(TENANT, KITCHEN));
    }

    @Test
    void channelRecordsThatBreakTheContract_areMalformed() {
        byte[] value = ChannelRecord.CODEC.encode(kitchen());

        assertThatThrownBy(() -> ChannelRecords.decode(null, null)).isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.decode(bytes("kitchen"), null))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.decode(bytes("Uowner1/no/such"), null))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.decode(bytes("Uother1/kitchen"), value))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.decode(bytes("Uowner1/kitchen"), bytes("{\"tenant\": \"Uowner1\"}")))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aDeviceRecord_registersTheChannelItNames_andATombstoneRemovesTheDevice() {
        DeviceRecord device = new DeviceRecord(TENANT, DEVICE, "dev-1", KITCHEN, "api", NOW, NOW);

        assertThat(DeviceRecords.decode(bytes("Uowner1/dev-1"), DeviceRecord.CODEC.encode(device)))
                .isEqualTo(new DeviceChange.Registered(TENANT, DEVICE, KITCHEN));
        assertThat(DeviceRecords.decode(bytes("Uowner1/dev-1"), null))
                .isEqualTo(new DeviceChange.Removed(TENANT, DEVICE));
    }

    @Test
    void aDeviceRecordUnderAnotherDevicesKey_isMalformed() {
        DeviceRecord device = new DeviceRecord(TENANT, DEVICE, "dev-1", KITCHEN, "api", NOW, NOW);

        assertThatThrownBy(() -> DeviceRecords.decode(bytes("Uowner1/dev-2"), DeviceRecord.CODEC.encode(device)))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> DeviceRecords.decode(null, null)).isInstanceOf(MalformedRecordException.class);
    }

    private static ChannelRecord kitchen() {
        return new ChannelRecord(TENANT, KITCHEN, DEVICE, "Kitchen", List.of("oven"), NOW, NOW);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
