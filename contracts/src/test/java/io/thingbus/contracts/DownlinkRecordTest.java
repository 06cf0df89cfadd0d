package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DownlinkRecordTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final DownlinkRecord RECORD = new DownlinkRecord("d-1", Instant.parse("2026-11-21T10:00:00.5Z"),
            "//thingbus/command-service", TenantId.of("U1a2b3c4d"), DeviceId.of("dev-1"),
            DownlinkRecord.thingScaleTopic(DeviceId.of("dev-1")), Optional.of(SecretHash.parse(HASH)), 1,
            Optional.of(Instant.parse("2026-11-21T11:00:00Z")), "application/json",
            "{\"led\":\"on\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void headers_areStable() {
        assertThat(RECORD.headers()).containsExactly(
                new Header("ce_specversion", "1.0"),
                new Header("ce_id", "d-1"),
                new Header("ce_type", "io.thingbus.downlink.v1"),
                new Header("ce_source", "//thingbus/command-service"),
                new Header("ce_time", "2026-11-21T10:00:00.500Z"),
                new Header("ce_subject", "dev-1"),
                new Header("content-type", "application/json"),
                new Header("tb_tenant", "U1a2b3c4d"),
                new Header("tb_device", "dev-1"),
                new Header("mqtt_topic", "{token}/dev-1/subscribe"),
                new Header("mqtt_qos", "1"),
                new Header("tb_token_hash", HASH),
                new Header("tb_expiry", "2026-11-21T11:00:00Z"));
    }

    @Test
    void fromHeaders_readsBackWhatWasWritten() {
        assertThat(DownlinkRecord.fromHeaders(RECORD.headers(), RECORD.payload())).isEqualTo(RECORD);
    }

    @Test
    void clientTargetedRecord_carriesTheClientAndReadsBack() {
        DownlinkRecord toGateway = new DownlinkRecord("d-2", Instant.parse("2026-11-21T10:00:00Z"),
                "//thingbus/command-service", TenantId.of("U1a2b3c4d"), DeviceId.of("Device A"), "v1/gateway/rpc",
                Optional.empty(), 1, Optional.empty(), "application/json", new byte[] {'{', '}'},
                Optional.of("gateway-1"));

        assertThat(toGateway.headers()).endsWith(new Header("tb_client_id", "gateway-1"));
        assertThat(DownlinkRecord.fromHeaders(toGateway.headers(), toGateway.payload())).isEqualTo(toGateway);
    }

    @Test
    void topicFor_putsTheTokenInPlaceOfThePlaceholder() {
        assertThat(RECORD.topicFor("abc123")).isEqualTo("abc123/dev-1/subscribe");
    }

    @Test
    void qos2_isRefused() {
        assertThatThrownBy(() -> new DownlinkRecord("d", Instant.EPOCH, "s", TenantId.of("U1"), DeviceId.of("d"),
                "v1/device/d/command", Optional.empty(), 2, Optional.empty(), "application/json", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeholderWithoutTokenHash_isRefused() {
        assertThatThrownBy(() -> new DownlinkRecord("d", Instant.EPOCH, "s", TenantId.of("U1"), DeviceId.of("d"),
                "{token}/d/subscribe", Optional.empty(), 1, Optional.empty(), "application/json", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
