package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionEventRecordSerializationTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void connected_serialisationIsStable() {
        var record = new SessionEventRecord("connected", TenantId.of("U1a2b3c4d"), "dev-1_ab", "c-1", "broker-0",
                SecretHash.parse(HASH), "tls", "5", List.of(), null, Instant.parse("2026-11-21T10:00:00Z"));

        String json = new String(SessionEventRecord.CODEC.encode(record), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"event\":\"connected\",\"tenant\":\"U1a2b3c4d\",\"client_id\":\"dev-1_ab\","
                + "\"connection_id\":\"c-1\",\"broker\":\"broker-0\",\"token_hash\":\"" + HASH + "\","
                + "\"transport\":\"tls\",\"protocol_version\":\"5\",\"subscriptions\":[],"
                + "\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(SessionEventRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(record.key()).isEqualTo("U1a2b3c4d/dev-1_ab");
        assertThat(SessionEventRecord.TYPE).isEqualTo("io.thingbus.session-event.v1");
    }

    @Test
    void subscribed_serialisationIsStable() {
        var record = new SessionEventRecord("subscribed", TenantId.of("U1a2b3c4d"), "dev-1_ab", "c-1", "broker-0",
                null, null, null, List.of(new SessionEventRecord.SessionSubscription("tok/dev-1/subscribe", 1, "dev-1"),
                new SessionEventRecord.SessionSubscription("tok/#", 0, "*")), null,
                Instant.parse("2026-11-21T10:00:01Z"));

        String json = new String(SessionEventRecord.CODEC.encode(record), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"event\":\"subscribed\",\"tenant\":\"U1a2b3c4d\",\"client_id\":\"dev-1_ab\","
                + "\"connection_id\":\"c-1\",\"broker\":\"broker-0\",\"subscriptions\":["
                + "{\"filter\":\"tok/dev-1/subscribe\",\"qos\":1,\"device_id\":\"dev-1\"},"
                + "{\"filter\":\"tok/#\",\"qos\":0,\"device_id\":\"*\"}],\"at\":\"2026-11-21T10:00:01Z\"}");
        assertThat(SessionEventRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }

    @Test
    void unknownEvent_isMalformed() {
        String json = "{\"event\":\"teleported\",\"tenant\":\"U1\",\"client_id\":\"c\",\"connection_id\":\"x\","
                + "\"broker\":\"b\",\"at\":\"2026-11-21T10:00:00Z\"}";

        assertThatThrownBy(() -> SessionEventRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }
}
