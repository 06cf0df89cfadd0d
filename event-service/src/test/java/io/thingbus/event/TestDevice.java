package io.thingbus.event;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.ChannelRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A device of a fresh random tenant, with the records broker-service, device-service and stream-service would write
 * for it.
 */
final class TestDevice {

    final TenantId tenant;
    final DeviceId device;

    private TestDevice(TenantId tenant, DeviceId device) {
        this.tenant = tenant;
        this.device = device;
    }

    static TestDevice random() {
        return of(TenantId.of("U" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)),
                "dev-" + UUID.randomUUID().toString().substring(0, 8));
    }

    static TestDevice of(TenantId tenant, String device) {
        return new TestDevice(tenant, DeviceId.of(device));
    }

    ChannelId channel() {
        return ChannelId.defaultFor(tenant, device);
    }

    DeviceRecord registration() {
        return registrationNaming(channel());
    }

    /** The device's registry entry naming {@code named} as the channel its telemetry goes to. */
    DeviceRecord registrationNaming(ChannelId named) {
        Instant now = Instant.now();
        return new DeviceRecord(tenant, device, device.value(), named, "api", now, now);
    }

    /** A channel of the device's tenant associated with this device, as stream-service announces it. */
    ChannelRecord channelRecord(ChannelId channel) {
        Instant now = Instant.now();
        return new ChannelRecord(tenant, channel, device, channel.value(), List.of(), now, now);
    }

    TelemetryRecord json(String json) {
        return record(Optional.empty(), PayloadFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    TelemetryRecord json(String tag, String json) {
        return record(Optional.of(tag), PayloadFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    TelemetryRecord binary(byte[] payload) {
        return record(Optional.empty(), PayloadFormat.BINARY, payload);
    }

    private TelemetryRecord record(Optional<String> tag, PayloadFormat format, byte[] payload) {
        String mode = format == PayloadFormat.JSON ? "json" : "bin";
        String topic = "tok123/" + mode + "/" + device.value() + tag.map(t -> "/" + t).orElse("");
        return new TelemetryRecord(UUID.randomUUID().toString(), Instant.now(), "//thingbus/broker-service/test",
                tenant, device, tag, format,
                Optional.of(new MqttOrigin(topic, 1, false, device.value() + "_x", List.of())), payload);
    }
}
