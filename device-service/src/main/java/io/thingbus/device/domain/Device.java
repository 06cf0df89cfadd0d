package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DeviceRecord;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A registered device.
 *
 * @param token the device token assigned to the device; empty when it was revoked or the user had none
 * @param chosenChannel the channel the user chose for the device's telemetry; empty = its default channel. A choice
 *     of the default channel itself is kept as empty, so "default" has one representation
 * @param version starts at 1 and grows with every change: the ETag of optimistic concurrency
 * @param gateway the gateway the device was last announced by, when it is a gateway's sub-device; connectivity, not
 *     registry data: it changes no version and is not part of the device record on Kafka
 * @param associatedChannels the tenant's channels that stream-service associates with this device, as announced on
 *     the channels topic, ordered by channel id; not registry data either (no version, not on the device record)
 */
public record Device(
        DeviceKey key,
        DeviceName name,
        Optional<DeviceToken> token,
        Optional<ChannelId> chosenChannel,
        Provisioning provisioning,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Optional<SubdeviceLink> gateway,
        List<ChannelId> associatedChannels) {

    public Device {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(chosenChannel, "chosenChannel");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(gateway, "gateway");
        associatedChannels = List.copyOf(associatedChannels);
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        ChannelId defaultChannel = ChannelId.defaultFor(key.tenant(), key.device());
        chosenChannel = chosenChannel.filter(channel -> !channel.equals(defaultChannel));
    }

    /** A device as stored, without a gateway link or associated channels. */
    public Device(DeviceKey key, DeviceName name, Optional<DeviceToken> token, Optional<ChannelId> chosenChannel,
                  Provisioning provisioning, Instant createdAt, Instant updatedAt, long version) {
        this(key, name, token, chosenChannel, provisioning, createdAt, updatedAt, version, Optional.empty(),
                List.of());
    }

    /** A new device (version 1) whose telemetry goes to {@code chosenChannel}, or its default channel when empty. */
    public static Device registered(DeviceKey key, DeviceName name, Optional<DeviceToken> token,
                                    Optional<ChannelId> chosenChannel, Provisioning provisioning, Instant now) {
        return new Device(key, name, token, chosenChannel, provisioning, now, now, 1);
    }

    /** A new device (version 1) whose telemetry goes to its default channel. */
    public static Device registered(DeviceKey key, DeviceName name, Optional<DeviceToken> token,
                                    Provisioning provisioning, Instant now) {
        return registered(key, name, token, Optional.empty(), provisioning, now);
    }

    /** This device with its gateway link. */
    public Device withGateway(Optional<SubdeviceLink> link) {
        return new Device(key, name, token, chosenChannel, provisioning, createdAt, updatedAt, version, link,
                associatedChannels);
    }

    /** This device with the channels associated with it (ordered by channel id). */
    public Device withAssociatedChannels(List<ChannelId> channels) {
        return new Device(key, name, token, chosenChannel, provisioning, createdAt, updatedAt, version, gateway,
                channels);
    }

    /** The device's default channel: {@link ChannelId#defaultFor}, which stream-service creates on first telemetry. */
    public ChannelId defaultChannel() {
        return ChannelId.defaultFor(key.tenant(), key.device());
    }

    /** Where the device's telemetry goes: the chosen channel, else the default channel. */
    public ChannelId channel() {
        return chosenChannel.orElseGet(this::defaultChannel);
    }

    /** The device's channels: its default channel first, then the channels associated with it, without duplicates. */
    public List<ChannelId> channels() {
        Set<ChannelId> channels = new LinkedHashSet<>();
        channels.add(defaultChannel());
        channels.addAll(associatedChannels);
        return List.copyOf(channels);
    }

    /** The next version with the given name, token and channel choice. */
    public Device changed(DeviceName newName, Optional<DeviceToken> newToken, Optional<ChannelId> newChannel,
                          Instant now) {
        return new Device(key, newName, newToken, newChannel, provisioning, createdAt, now, version + 1, gateway,
                associatedChannels);
    }

    /** The next version with the given name and token; the channel choice stays. */
    public Device changed(DeviceName newName, Optional<DeviceToken> newToken, Instant now) {
        return changed(newName, newToken, chosenChannel, now);
    }

    /** The next version, without a device token (its token was revoked); name and channel choice stay. */
    public Device withoutToken(Instant now) {
        return changed(name, Optional.empty(), now);
    }

    /** The next version, sending its telemetry to its default channel again. */
    public Device backToDefaultChannel(Instant now) {
        return changed(name, token, Optional.empty(), now);
    }

    /** The device's state as published on the devices topic. */
    public DeviceRecord toRecord() {
        return new DeviceRecord(key.tenant(), key.device(), name.value(), channel(), provisioning.wireName(),
                createdAt, updatedAt, token.map(DeviceToken::hash).orElse(null));
    }
}
