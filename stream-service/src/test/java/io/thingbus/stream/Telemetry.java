package io.thingbus.stream;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Telemetry records of a fresh random tenant and device, as broker-service makes them from MQTT publishes. */
final class Telemetry {

    final TenantId tenant = TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    final DeviceId device = DeviceId.of("dev-" + UUID.randomUUID().toString().substring(0, 8));

    ChannelId channel() {
        return ChannelId.defaultFor(tenant, device);
    }

    TelemetryRecord json(Instant time, String json) {
        return record(time, Optional.empty(), PayloadFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    TelemetryRecord json(Instant time, String tag, String json) {
        return record(time, Optional.of(tag), PayloadFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    TelemetryRecord binary(Instant time, byte[] payload) {
        return record(time, Optional.empty(), PayloadFormat.BINARY, payload);
    }

    private TelemetryRecord record(Instant time, Optional<String> tag, PayloadFormat format, byte[] payload) {
        String mode = format == PayloadFormat.JSON ? "json" : "bin";
        String topic = "tok123/" + mode + "/" + device.value() + tag.map(t -> "/" + t).orElse("");
        return new TelemetryRecord(UUID.randomUUID().toString(), time, "//thingbus/broker-service/test", tenant,
                device, tag, format, Optional.of(new MqttOrigin(topic, 1, false, device.value() + "_x", List.of())),
                payload);
    }
}
