package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetryRecordTest {

    private static final TelemetryRecord RECORD = new TelemetryRecord(
            "7d1c0f7e-2b0a-4b53-9a57-0c6f3f3d2a10",
            Instant.parse("2026-11-21T10:15:30.123456Z"),
            "//thingbus/broker-service/broker-0",
            TenantId.of("U1a2b3c4d"),
            DeviceId.of("dev-1"),
            Optional.of("kitchen"),
            PayloadFormat.JSON,
            Optional.of(new MqttOrigin("tok123/json/dev-1/kitchen", 1, false, "dev-1_abc",
                    List.of(new Header("unit", "C"), new Header("unit", "F")))),
            "{\"temp\":20}".getBytes(StandardCharsets.UTF_8),
            Optional.of(SecretHash.parse("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));

    @Test
    void headers_areStable() {
        assertThat(RECORD.headers()).containsExactly(
                new Header("ce_specversion", "1.0"),
                new Header("ce_id", "7d1c0f7e-2b0a-4b53-9a57-0c6f3f3d2a10"),
                new Header("ce_type", "io.thingbus.telemetry.v1"),
                new Header("ce_source", "//thingbus/broker-service/broker-0"),
                new Header("ce_time", "2026-11-21T10:15:30.123Z"),
                new Header("ce_subject", "dev-1"),
                new Header("content-type", "application/json"),
                new Header("tb_tenant", "U1a2b3c4d"),
                new Header("tb_device", "dev-1"),
                new Header("tb_tag", "kitchen"),
                new Header("tb_token_hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new Header("mqtt_topic", "tok123/json/dev-1/kitchen"),
                new Header("mqtt_qos", "1"),
                new Header("mqtt_retain", "false"),
                new Header("mqtt_client_id", "dev-1_abc"),
                new Header("mqtt_up_unit", "C"),
                new Header("mqtt_up_unit", "F"));
        assertThat(RECORD.key().asString()).isEqualTo("U1a2b3c4d/dev-1");
    }

    @Test
    void fromHeaders_readsBackWhatWasWritten() {
        TelemetryRecord read = TelemetryRecord.fromHeaders(RECORD.headers(), RECORD.payload());

        assertThat(read).isEqualTo(RECORD);
    }

    @Test
    void fromHeaders_withoutMqttOriginOrTag_leavesThemEmpty() {
        TelemetryRecord plain = new TelemetryRecord("id-1", Instant.EPOCH, "src", TenantId.of("U1"),
                DeviceId.of("d"), Optional.empty(), PayloadFormat.BINARY, Optional.empty(), new byte[] {1, 2});

        TelemetryRecord read = TelemetryRecord.fromHeaders(plain.headers(), plain.payload());

        assertThat(read).isEqualTo(plain);
        assertThat(read.tag()).isEmpty();
        assertThat(read.origin()).isEmpty();
    }

    @Test
    void fromHeaders_withOtherType_isMalformed() {
        List<Header> headers = new ArrayList<>(RECORD.headers());
        headers.set(2, new Header("ce_type", "io.thingbus.telemetry.v2"));

        assertThatThrownBy(() -> TelemetryRecord.fromHeaders(headers, new byte[0]))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("v2");
    }

    @Test
    void fromHeaders_withInvalidDevice_isMalformed() {
        List<Header> headers = new ArrayList<>(RECORD.headers());
        headers.set(8, new Header("tb_device", "a/b"));

        assertThatThrownBy(() -> TelemetryRecord.fromHeaders(headers, new byte[0]))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void fromHeaders_withoutId_isMalformed() {
        List<Header> headers = new ArrayList<>(RECORD.headers());
        headers.remove(1);

        assertThatThrownBy(() -> TelemetryRecord.fromHeaders(headers, new byte[0]))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("ce_id");
    }
}
