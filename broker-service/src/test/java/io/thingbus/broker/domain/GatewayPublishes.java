package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One gateway connection and its publishes, for the tests of {@link GatewayPublishMapper}. */
final class GatewayPublishes {

    static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    static final DeviceToken TOKEN = DeviceToken.of("GatewayToken42");
    static final MqttConnection GATEWAY =
            new MqttConnection(new ConnectionIdentity(TENANT, TOKEN), "Gateway 1", "conn-1");
    static final DeviceId GATEWAY_ID = DeviceId.of("Gateway 1");

    private GatewayPublishes() {
    }

    /** A mapper at {@link #NOW} with record ids {@code id-1}, {@code id-2}, … */
    static GatewayPublishMapper mapper(DeviceOwners owners) {
        AtomicInteger ids = new AtomicInteger();
        return new GatewayPublishMapper(Clock.fixed(NOW, ZoneOffset.UTC), () -> "id-" + ids.incrementAndGet(),
                "//thingbus/broker-service/edge-1", "edge-1", owners);
    }

    static InboundPublish publish(String topic, String payload) {
        return new InboundPublish(topic, 1, false, "Gateway 1", List.of(new Header("trace", "t-1")), utf8(payload));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static MqttOrigin origin(String topic) {
        return new MqttOrigin(topic, 1, false, "Gateway 1", List.of(new Header("trace", "t-1")));
    }

    static List<Uplink> forwarded(GatewayDecision decision) {
        assertThat(decision).isInstanceOf(GatewayDecision.Forward.class);
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decision;
        assertThat(forward.skipped()).isEmpty();
        return forward.records();
    }

    static <T extends Uplink> T single(GatewayDecision decision, Class<T> type) {
        List<Uplink> records = forwarded(decision);
        assertThat(records).hasSize(1).first().isInstanceOf(type);
        return type.cast(records.get(0));
    }

    static TelemetryRecord telemetry(List<Uplink> records, int index) {
        return ((Uplink.Telemetry) records.get(index)).record();
    }

    static Refusal refused(GatewayDecision decision) {
        assertThat(decision).isInstanceOf(GatewayDecision.Refuse.class);
        return ((GatewayDecision.Refuse) decision).refusal();
    }
}
