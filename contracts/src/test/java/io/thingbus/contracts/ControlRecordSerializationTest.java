package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the serialised form of every JSON record type: changing one of these strings means a new record version. */
class ControlRecordSerializationTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-11-21T11:00:00.5Z");

    @Test
    void deviceCredential_serialisationIsStable() {
        var record = new DeviceCredentialRecord(SecretHash.parse(HASH), TenantId.of("U1a2b3c4d"), CREATED);

        String json = utf8(DeviceCredentialRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"token_hash\":\"" + HASH + "\",\"tenant\":\"U1a2b3c4d\","
                + "\"created_at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(DeviceCredentialRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(DeviceCredentialRecord.TYPE).isEqualTo("io.thingbus.device-credential.v1");
        assertThat(record.key()).isEqualTo(HASH);
    }

    @Test
    void apiKey_serialisationIsStable() {
        var record = new ApiKeyRecord(SecretHash.parse(HASH), TenantId.of("U1a2b3c4d"), "basic", CREATED);

        String json = utf8(ApiKeyRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"key_hash\":\"" + HASH + "\",\"tenant\":\"U1a2b3c4d\",\"plan\":\"basic\","
                + "\"created_at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(ApiKeyRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(ApiKeyRecord.TYPE).isEqualTo("io.thingbus.api-key.v1");
    }

    @Test
    void device_serialisationIsStable() {
        var record = new DeviceRecord(TenantId.of("U1a2b3c4d"), DeviceId.of("Device A"), "Kitchen sensor",
                ChannelId.of("C0123456789abcdef0123"), "auto", CREATED, UPDATED);

        String json = utf8(DeviceRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\",\"name\":\"Kitchen sensor\","
                + "\"channel_id\":\"C0123456789abcdef0123\",\"provisioning\":\"auto\","
                + "\"created_at\":\"2026-11-21T10:00:00Z\",\"updated_at\":\"2026-11-21T11:00:00.500Z\"}");
        assertThat(DeviceRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(record.key().asString()).isEqualTo("U1a2b3c4d/Device A");
        assertThat(DeviceRecord.TYPE).isEqualTo("io.thingbus.device.v1");
    }

    @Test
    void deviceWithTokenHash_serialisationIsStable() {
        var record = new DeviceRecord(TenantId.of("U1a2b3c4d"), DeviceId.of("dev-1"), "dev-1",
                ChannelId.of("C0123456789abcdef0123"), "api", CREATED, CREATED, SecretHash.parse(HASH));

        String json = utf8(DeviceRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"dev-1\",\"name\":\"dev-1\","
                + "\"channel_id\":\"C0123456789abcdef0123\",\"provisioning\":\"api\","
                + "\"created_at\":\"2026-11-21T10:00:00Z\",\"updated_at\":\"2026-11-21T10:00:00Z\","
                + "\"token_hash\":\"" + HASH + "\"}");
        assertThat(DeviceRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }

    @Test
    void channel_serialisationIsStable() {
        var record = new ChannelRecord(TenantId.of("U1a2b3c4d"), ChannelId.of("C0123456789abcdef0123"),
                DeviceId.of("dev-1"), "Kitchen", List.of("kitchen", "outside"), CREATED, UPDATED);

        String json = utf8(ChannelRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"tenant\":\"U1a2b3c4d\",\"channel_id\":\"C0123456789abcdef0123\","
                + "\"device_id\":\"dev-1\",\"name\":\"Kitchen\",\"tags\":[\"kitchen\",\"outside\"],"
                + "\"created_at\":\"2026-11-21T10:00:00Z\",\"updated_at\":\"2026-11-21T11:00:00.500Z\"}");
        assertThat(ChannelRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(record.key()).isEqualTo("U1a2b3c4d/C0123456789abcdef0123");
        assertThat(ChannelRecord.TYPE).isEqualTo("io.thingbus.channel.v1");
    }

    @Test
    void deviceClaim_serialisationIsStable() {
        var record = new DeviceClaimRecord(TenantId.of("U1a2b3c4d"), DeviceId.of("Device A"),
                TenantId.of("U9z8y7x6w"), UPDATED);

        String json = utf8(DeviceClaimRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\","
                + "\"claimed_by\":\"U9z8y7x6w\",\"claimed_at\":\"2026-11-21T11:00:00.500Z\"}");
        assertThat(DeviceClaimRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(record.key().asString()).isEqualTo("U1a2b3c4d/Device A");
        assertThat(record.claimedDevice().asString()).isEqualTo("U9z8y7x6w/Device A");
        assertThat(DeviceClaimRecord.TYPE).isEqualTo("io.thingbus.device-claim.v1");
    }

    @Test
    void deviceClaim_fromTheClaimerItself_isMalformed() {
        String json = "{\"tenant\":\"U1\",\"device_id\":\"d\",\"claimed_by\":\"U1\","
                + "\"claimed_at\":\"2026-11-21T10:00:00Z\"}";

        assertThatThrownBy(() -> DeviceClaimRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void decode_ignoresFieldsAddedLater() {
        String json = "{\"token_hash\":\"" + HASH + "\",\"tenant\":\"U1\",\"created_at\":\"2026-11-21T10:00:00Z\","
                + "\"added_later\":true}";

        assertThat(DeviceCredentialRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)).tenant())
                .isEqualTo(TenantId.of("U1"));
    }

    @Test
    void decode_withInvalidTenant_isMalformed() {
        String json = "{\"token_hash\":\"" + HASH + "\",\"tenant\":\"no/slash\",\"created_at\":\"2026-11-21T10:00:00Z\"}";

        assertThatThrownBy(() -> DeviceCredentialRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void decode_withMissingField_isMalformed() {
        assertThatThrownBy(() -> DeviceCredentialRecord.CODEC.decode("{\"tenant\":\"U1\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
