package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Channel service: a tenant's channels, created, read, changed and deleted. Every call is scoped to the tenant it
 * is given; another tenant's channel or device is reported as not found. Thread-safe.
 */
public final class ChannelService {

    private final ChannelCatalog catalog;
    private final DeviceDirectory devices;
    private final Clock clock;

    public ChannelService(ChannelCatalog catalog, DeviceDirectory devices, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The tenant's channels with their tags, oldest first. */
    public List<Channel> list(TenantId tenant) {
        return catalog.list(tenant);
    }

    /** @throws ChannelNotFoundException when the tenant has no such channel */
    public Channel get(TenantId tenant, ChannelId channel) {
        return catalog.find(tenant, channel).orElseThrow(() -> new ChannelNotFoundException(channel));
    }

    /**
     * Creates a channel associated with one of the tenant's devices.
     *
     * @param tag a tag to declare in the new channel
     * @throws DeviceNotFoundException when the tenant has no such device
     * @throws ChannelAlreadyExistsException when the tenant already has a channel with that id
     */
    public Channel create(TenantId tenant, ChannelId channel, DeviceId device, Optional<ChannelName> name,
            Optional<Tag> tag) {
        requireDevice(tenant, device);
        Channel created = Channel.create(tenant, channel, device, name, tag, clock.instant());
        catalog.create(created);
        return created;
    }

    /**
     * Renames a channel, associates it with another of the tenant's devices, or declares a tag in it. A change that
     * changes nothing leaves the channel (and its version) as it is.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws DeviceNotFoundException when the change names a device the tenant does not have
     * @throws VersionMismatchException when the condition does not hold
     */
    public Channel update(TenantId tenant, ChannelId channel, ChannelChange change, VersionCondition condition) {
        change.device().ifPresent(device -> requireDevice(tenant, device));
        return catalog.update(tenant, channel, condition, current -> current.changedBy(change, clock.instant()));
    }

    /**
     * Deletes a channel with all its points.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws VersionMismatchException when the condition does not hold
     */
    public void delete(TenantId tenant, ChannelId channel, VersionCondition condition) {
        catalog.delete(tenant, channel, condition);
    }

    /**
     * Deletes one tag of a channel and the points of that tag.
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws TagNotFoundException when the channel neither knows the tag nor holds points of it
     * @throws VersionMismatchException when the condition does not hold
     */
    public Channel deleteTag(TenantId tenant, ChannelId channel, Tag tag, VersionCondition condition) {
        return catalog.deleteTag(tenant, channel, tag, condition, current -> current.withoutTag(tag, clock.instant()));
    }

    private void requireDevice(TenantId tenant, DeviceId device) {
        if (!devices.contains(tenant, device)) {
            throw new DeviceNotFoundException(device);
        }
    }
}
