package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the serialised form of {@link AlertRecord}: changing one of these strings means a new record version. */
class AlertRecordSerializationTest {

    private static final Instant VALUE_TIME = Instant.parse("2026-11-21T10:00:00.250Z");
    private static final Instant FIRED = Instant.parse("2026-11-21T10:00:00.250Z");
    private static final Instant SENT = Instant.parse("2026-11-21T10:00:01Z");

    @Test
    void thresholdAlert_serialisationIsStable() {
        var record = new AlertRecord("5b0e8d1c-58f4-4b8e-9d3a-2f1c6f0b7a11", AlertRecord.SETTLED, "Eabc123def456ghi789jk",
                "Freezer too warm", TenantId.of("U1a2b3c4d"), DeviceId.of("Device A"), ChannelId.of("C0123456789abcdef0123"),
                "kitchen",
                new AlertRecord.Condition(AlertRecord.Condition.THRESHOLD, "temp", ">", new BigDecimal("-18"), null, null,
                        null),
                new BigDecimal("-17.5"), VALUE_TIME, FIRED,
                List.of(new AlertRecord.Notification("email", "ops@example.com", "sent", 1, null, SENT),
                        new AlertRecord.Notification("webhook", "https://hooks.example.com", "failed", 6, "HTTP 500",
                                SENT)));

        String json = utf8(AlertRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"alert_id\":\"5b0e8d1c-58f4-4b8e-9d3a-2f1c6f0b7a11\",\"status\":\"settled\","
                + "\"event_id\":\"Eabc123def456ghi789jk\",\"event_name\":\"Freezer too warm\",\"tenant\":\"U1a2b3c4d\","
                + "\"device_id\":\"Device A\",\"channel_id\":\"C0123456789abcdef0123\",\"tag\":\"kitchen\","
                + "\"condition\":{\"kind\":\"threshold\",\"field\":\"temp\",\"operator\":\">\",\"threshold\":-18,"
                + "\"low\":null,\"high\":null,\"no_data_minutes\":null},"
                + "\"value\":-17.5,\"value_time\":\"2026-11-21T10:00:00.250Z\",\"fired_at\":\"2026-11-21T10:00:00.250Z\","
                + "\"notifications\":["
                + "{\"channel\":\"email\",\"target\":\"ops@example.com\",\"status\":\"sent\",\"attempts\":1,"
                + "\"error\":null,\"updated_at\":\"2026-11-21T10:00:01Z\"},"
                + "{\"channel\":\"webhook\",\"target\":\"https://hooks.example.com\",\"status\":\"failed\",\"attempts\":6,"
                + "\"error\":\"HTTP 500\",\"updated_at\":\"2026-11-21T10:00:01Z\"}]}");
        assertThat(AlertRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(AlertRecord.TYPE).isEqualTo("io.thingbus.alert.v1");
        assertThat(record.key().asString()).isEqualTo("U1a2b3c4d/Device A");
    }

    @Test
    void noDataAlert_serialisationIsStable() {
        var record = new AlertRecord("0d7f2a9e-1c4b-4e5a-8f6d-3b2a1c0e9f87", AlertRecord.FIRED, "Eabc123def456ghi789jk",
                "Gateway silent", TenantId.of("U1a2b3c4d"), DeviceId.of("gw-1"), ChannelId.of("C0123456789abcdef0123"),
                null,
                new AlertRecord.Condition(AlertRecord.Condition.NO_DATA, null, null, null, null, null,
                        new BigDecimal("15")),
                null, null, FIRED, List.of());

        String json = utf8(AlertRecord.CODEC.encode(record));

        assertThat(json).isEqualTo("{\"alert_id\":\"0d7f2a9e-1c4b-4e5a-8f6d-3b2a1c0e9f87\",\"status\":\"fired\","
                + "\"event_id\":\"Eabc123def456ghi789jk\",\"event_name\":\"Gateway silent\",\"tenant\":\"U1a2b3c4d\","
                + "\"device_id\":\"gw-1\",\"channel_id\":\"C0123456789abcdef0123\",\"tag\":null,"
                + "\"condition\":{\"kind\":\"no_data\",\"field\":null,\"operator\":null,\"threshold\":null,"
                + "\"low\":null,\"high\":null,\"no_data_minutes\":15},"
                + "\"value\":null,\"value_time\":null,\"fired_at\":\"2026-11-21T10:00:00.250Z\",\"notifications\":[]}");
        assertThat(AlertRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }

    @Test
    void alert_hasExactlyTheDocumentedFields() throws IOException {
        var record = new AlertRecord("a", AlertRecord.FIRED, "E1", "n", TenantId.of("U1"), DeviceId.of("d"),
                ChannelId.of("C1"), null, new AlertRecord.Condition("threshold", "f", "inside", null, BigDecimal.ONE,
                        BigDecimal.TEN, null),
                BigDecimal.ONE, FIRED, FIRED,
                List.of(new AlertRecord.Notification("email", "a@b.c", "pending", 0, null, FIRED)));

        JsonNode json = new ObjectMapper().readTree(AlertRecord.CODEC.encode(record));

        assertThat(names(json)).containsExactly("alert_id", "status", "event_id", "event_name", "tenant", "device_id",
                "channel_id", "tag", "condition", "value", "value_time", "fired_at", "notifications");
        assertThat(names(json.get("condition"))).containsExactly("kind", "field", "operator", "threshold", "low", "high",
                "no_data_minutes");
        assertThat(names(json.get("notifications").get(0))).containsExactly("channel", "target", "status", "attempts",
                "error", "updated_at");
    }

    @Test
    void decode_withUnknownStatus_isMalformed() {
        String json = "{\"alert_id\":\"a\",\"status\":\"resolved\",\"event_id\":\"E1\",\"event_name\":\"n\","
                + "\"tenant\":\"U1\",\"device_id\":\"d\",\"channel_id\":\"C1\",\"condition\":{\"kind\":\"no_data\"},"
                + "\"fired_at\":\"2026-11-21T10:00:00Z\"}";

        assertThatThrownBy(() -> AlertRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void decode_withoutNotifications_hasAnEmptyList() {
        String json = "{\"alert_id\":\"a\",\"status\":\"fired\",\"event_id\":\"E1\",\"event_name\":\"n\","
                + "\"tenant\":\"U1\",\"device_id\":\"d\",\"channel_id\":\"C1\",\"condition\":{\"kind\":\"no_data\"},"
                + "\"fired_at\":\"2026-11-21T10:00:00Z\"}";

        assertThat(AlertRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)).notifications()).isEmpty();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
