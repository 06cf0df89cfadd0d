package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Publish-to-device: turns a caller's message into a downlink record on the device's ThingScale topic
 * ({@code {token}/<DEVICE_ID>/subscribe}) and reports whether a live session receives that topic. Thread-safe.
 */
public final class DevicePublisher {

    /** {@code ce_source} of every downlink record this service writes. */
    public static final String SOURCE = "//thingbus/command-service";
    static final String CONTENT_TYPE = "application/json";

    private final DeviceDirectory devices;
    private final SessionDirectory sessions;
    private final DownlinkSender sender;
    private final Clock clock;
    private final int maxPayloadBytes;

    public DevicePublisher(DeviceDirectory devices, SessionDirectory sessions, DownlinkSender sender, Clock clock,
            int maxPayloadBytes) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("the payload limit must be at least 1 byte");
        }
        this.devices = devices;
        this.sessions = sessions;
        this.sender = sender;
        this.clock = clock;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /**
     * Publishes the message. Returns only after Kafka acknowledged the downlink record. Whether a session receives
     * the topic is read before sending, so a failure to read it sends nothing.
     *
     * @throws PayloadTooLargeException when the payload exceeds the limit (nothing is sent)
     * @throws DeviceNotFoundException when the tenant has no such device
     * @throws DeviceWithoutTokenException when the registry names no token for the device
     * @throws StoreUnavailableException when the database cannot be read (nothing is sent)
     * @throws DownlinkUnavailableException when Kafka did not acknowledge the record in time
     */
    public PublishReceipt publish(PublishRequest request) {
        if (request.payload().length > maxPayloadBytes) {
            throw new PayloadTooLargeException(request.payload().length, maxPayloadBytes);
        }
        KnownDevice device = devices.find(request.device())
                .orElseThrow(() -> new DeviceNotFoundException(request.device().asString()));
        if (device.tokenHash().isEmpty()) {
            throw new DeviceWithoutTokenException(device.key());
        }
        int subscribers = SubscriptionCoverage.subscribers(device, sessions.candidatesFor(device.key()));
        DownlinkRecord record = downlinkFor(device, request);
        sender.send(record);
        return new PublishReceipt(record.id(), device.key().device(), record.qos(), subscribers);
    }

    private DownlinkRecord downlinkFor(KnownDevice device, PublishRequest request) {
        Instant now = clock.instant();
        DeviceKey key = device.key();
        Optional<Instant> expiry = request.options().expiry().map(now::plus);
        return new DownlinkRecord(UUID.randomUUID().toString(), now, SOURCE, key.tenant(), key.device(),
                DownlinkRecord.thingScaleTopic(key.device()), device.tokenHash(), request.options().qos(), expiry,
                CONTENT_TYPE, request.payload());
    }
}
