package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel: a time-series store of one tenant, associated with one device of that tenant. Every device has a default
 * channel ({@link ChannelId#defaultFor}), created when its first telemetry arrives; users create more. Immutable.
 *
 * @param name a label for people; defaults to the channel id
 * @param tags the tags known in the channel (declared, or seen on a point), sorted by value
 * @param version starts at 1 and grows by one with every change (name, device, tags); the REST API's ETag
 * @param createdAt when the channel was created; times are kept to the microsecond, as the store keeps them
 * @param updatedAt when the channel last changed
 */
public record Channel(
        TenantId tenant,
        ChannelId id,
        DeviceId device,
        ChannelName name,
        List<Tag> tags,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    private static final Comparator<Tag> TAG_ORDER = Comparator.comparing(Tag::value);

    public Channel {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags.stream().distinct().sorted(TAG_ORDER).toList();
        if (version < 1) {
            throw new IllegalArgumentException("a channel's version starts at 1");
        }
    }

    /** A channel as created now: version 1, named after its id unless a name is given, with the declared tag. */
    public static Channel create(TenantId tenant, ChannelId id, DeviceId device, Optional<ChannelName> name,
            Optional<Tag> tag, Instant now) {
        Instant time = storable(now);
        return new Channel(tenant, id, device, name.orElseGet(() -> ChannelName.defaultFor(id)),
                tag.map(List::of).orElse(List.of()), 1, time, time);
    }

    /**
     * The channel after {@code change}: the next version, updated now, or this same channel when the change changes
     * nothing (the same name and device, a tag already known).
     */
    public Channel changedBy(ChannelChange change, Instant now) {
        ChannelName newName = change.name().orElse(name);
        DeviceId newDevice = change.device().orElse(device);
        List<Tag> newTags = change.tag().filter(t -> !hasTag(t)).map(this::tagsWith).orElse(tags);
        if (newName.equals(name) && newDevice.equals(device) && newTags.equals(tags)) {
            return this;
        }
        return new Channel(tenant, id, newDevice, newName, newTags, version + 1, createdAt, storable(now));
    }

    /** The channel without {@code tag}: the next version, updated now. */
    public Channel withoutTag(Tag tag, Instant now) {
        List<Tag> remaining = tags.stream().filter(t -> !t.equals(tag)).toList();
        return new Channel(tenant, id, device, name, remaining, version + 1, createdAt, storable(now));
    }

    public boolean hasTag(Tag tag) {
        return tags.contains(tag);
    }

    private List<Tag> tagsWith(Tag tag) {
        List<Tag> more = new ArrayList<>(tags);
        more.add(tag);
        return more;
    }

    private static Instant storable(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }
}
