package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.ChannelChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRecordsTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final ChannelId KITCHEN = ChannelId.of("kitchen");
    private static final Instant AT = Instant.parse("2026-11-21T22:01:02.345678Z");

    @Test
    void aChannelRecord_announcesTheChannelWithItsDevice() {
        byte[] value = ChannelRecord.CODEC.encode(channel(TENANT, KITCHEN));

        assertThat(ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"), value))
                .contains(new ChannelChange.Announced(TENANT, KITCHEN, DeviceId.of("dev-1")));
    }

    @Test
    void aTombstone_deletesTheChannelItsKeyNames() {
        assertThat(ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"), null))
                .contains(new ChannelChange.Deleted(TENANT, KITCHEN));
    }

    @Test
    void otherRecordTypes_meanNothing() {
        assertThat(ChannelRecords.read(DeviceRecord.TYPE, key("whatever"), bytes("garbage"))).isEmpty();
    }

    @Test
    void aKeyThatIsNoChannelKey_isMalformed() {
        for (String key : new String[] {"kitchen", "U1a2b3c4d/", "/kitchen", "U1a2b3c4d/kit/chen", "1x/kitchen"}) {
            assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, key(key), null))
                    .as(key).isInstanceOf(MalformedRecordException.class);
        }
        assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, null, null))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aValueOfAnotherChannelThanTheKey_isMalformed() {
        byte[] otherTenant = ChannelRecord.CODEC.encode(channel(TenantId.of("U9z9z9z9z"), KITCHEN));
        byte[] otherChannel = ChannelRecord.CODEC.encode(channel(TENANT, ChannelId.of("garage")));

        assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"), otherTenant))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"), otherChannel))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void aValueThatIsNoChannelRecord_isMalformed() {
        assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"),
                bytes("{\"tenant\":\"U1a2b3c4d\",\"channel_id\":\"kitchen\"}")))
                .isInstanceOf(MalformedRecordException.class);
        assertThatThrownBy(() -> ChannelRecords.read(ChannelRecord.TYPE, key("U1a2b3c4d/kitchen"), bytes("garbage")))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static ChannelRecord channel(TenantId tenant, ChannelId channel) {
        return new ChannelRecord(tenant, channel, DeviceId.of("dev-1"), "Kitchen", List.of("oven"), AT, AT);
    }

    private static byte[] key(String key) {
        return bytes(key);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
