package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThingScalePublishMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final String TOKEN = "Abcdefgh12345678Abcdefgh12345678";
    private static final ConnectionIdentity IDENTITY =
            new ConnectionIdentity(TenantId.of("Uab12cd34ef"), DeviceToken.of(TOKEN));

    private final ThingScalePublishMapper mapper = new ThingScalePublishMapper(new ThingScaleTopicParser(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-1", "//thingbus/broker-service/edge-1");

    @Test
    void jsonObject_onOwnTelemetryTopic_isForwardedWithEveryField_includingTheTokensHash() {
        List<Header> properties = List.of(new Header("unit", "C"), new Header("unit", "F"));
        InboundPublish publish = new InboundPublish(TOKEN + "/json/dev-1/room", 1, true, "dev-1_x", properties,
                bytes("{\"temp\":20,\"humidity\":50}"));

        TelemetryRecord record = forwarded(mapper.decide(publish, IDENTITY));

        assertThat(record).isEqualTo(new TelemetryRecord("id-1", NOW, "//thingbus/broker-service/edge-1",
                TenantId.of("Uab12cd34ef"), DeviceId.of("dev-1"), Optional.of("room"), PayloadFormat.JSON,
                Optional.of(new MqttOrigin(TOKEN + "/json/dev-1/room", 1, true, "dev-1_x", properties)),
                bytes("{\"temp\":20,\"humidity\":50}"), Optional.of(SecretHash.of(TOKEN))));
    }

    @Test
    void bareNumber_onJsonTopic_isForwarded() {
        TelemetryRecord record = forwarded(mapper.decide(publish(TOKEN + "/json/dev-1", "23.5"), IDENTITY));

        assertThat(record.payload()).isEqualTo(bytes("23.5"));
        assertThat(record.tag()).isEmpty();
        assertThat(record.format()).isEqualTo(PayloadFormat.JSON);
    }

    @Test
    void anyBytes_onBinTopic_areForwardedUnchanged() {
        byte[] raw = {(byte) 0x82, (byte) 0xa4, 't', 'e', 'm', 'p', 0x14, 0, (byte) 0xff};
        InboundPublish publish = new InboundPublish(TOKEN + "/bin/dev-1", 0, false, "c", List.of(), raw);

        TelemetryRecord record = forwarded(mapper.decide(publish, IDENTITY));

        assertThat(record.payload()).containsExactly(raw);
        assertThat(record.format()).isEqualTo(PayloadFormat.BINARY);
    }

    @Test
    void emptyPayload_onBinTopic_isForwarded() {
        assertThat(mapper.decide(publish(TOKEN + "/bin/dev-1", ""), IDENTITY))
                .isInstanceOf(PublishDecision.Forward.class);
    }

    @Test
    void publish_withAnotherToken_isRefusedAsForeignToken() {
        Refusal refusal = refused(mapper.decide(publish("OtherToken123/json/dev-1", "{}"), IDENTITY));

        assertThat(refusal.reason()).isEqualTo(RefusalReason.FOREIGN_TOKEN);
        assertThat(refusal.detail()).doesNotContain(TOKEN);
    }

    @Test
    void publish_withTokenDifferingOnlyInCase_isRefusedAsForeignToken() {
        assertThat(refused(mapper.decide(publish(TOKEN.toLowerCase() + "/json/dev-1", "{}"), IDENTITY)).reason())
                .isEqualTo(RefusalReason.FOREIGN_TOKEN);
    }

    @Test
    void publish_toOwnDownlinkTopic_isRefusedAsNotAllowed() {
        assertThat(refused(mapper.decide(publish(TOKEN + "/dev-1/subscribe", "{}"), IDENTITY)).reason())
                .isEqualTo(RefusalReason.TOPIC_NOT_ALLOWED);
    }

    @Test
    void publish_withInvalidTag_isRefusedAsInvalidTopic() {
        assertThat(refused(mapper.decide(publish(TOKEN + "/json/dev-1/bad tag", "{}"), IDENTITY)).reason())
                .isEqualTo(RefusalReason.INVALID_TOPIC);
    }

    @Test
    void publish_withInvalidDeviceOfAnotherToken_isRefusedAsForeignTokenFirst() {
        assertThat(refused(mapper.decide(publish("Other/json/ bad", "{}"), IDENTITY)).reason())
                .isEqualTo(RefusalReason.FOREIGN_TOKEN);
    }

    @Test
    void payloadsThatAreNotAnObjectOrNumber_onJsonTopic_areRefusedAsInvalidJson() {
        for (String payload : List.of("{\"temp\":", "[1,2]", "\"text\"", "true", "null", "", "23.5 24", "{} x")) {
            assertThat(refused(mapper.decide(publish(TOKEN + "/json/dev-1", payload), IDENTITY)).reason())
                    .as(payload).isEqualTo(RefusalReason.INVALID_JSON_PAYLOAD);
        }
    }

    @Test
    void eachForwardedPublish_getsANewId() {
        int[] next = {0};
        ThingScalePublishMapper counting = new ThingScalePublishMapper(new ThingScaleTopicParser(),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-" + next[0]++, "//s");

        String first = forwarded(counting.decide(publish(TOKEN + "/json/d", "1"), IDENTITY)).id();
        String second = forwarded(counting.decide(publish(TOKEN + "/json/d", "1"), IDENTITY)).id();

        assertThat(first).isNotEqualTo(second);
    }

    private static InboundPublish publish(String topic, String payload) {
        return new InboundPublish(topic, 1, false, "client-1", List.of(), bytes(payload));
    }

    private static TelemetryRecord forwarded(PublishDecision decision) {
        assertThat(decision).isInstanceOf(PublishDecision.Forward.class);
        return ((PublishDecision.Forward) decision).record();
    }

    private static Refusal refused(PublishDecision decision) {
        assertThat(decision).isInstanceOf(PublishDecision.Refuse.class);
        return ((PublishDecision.Refuse) decision).refusal();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
