package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A channel catalog in a map, for unit tests of the domain services. Not thread-safe. */
final class InMemoryChannelCatalog implements ChannelCatalog {

    private final Map<String, Channel> channels = new LinkedHashMap<>();

    @Override
    public Optional<Channel> find(TenantId tenant, ChannelId channel) {
        return Optional.ofNullable(channels.get(key(tenant, channel)));
    }

    @Override
    public List<Channel> list(TenantId tenant) {
        return new ArrayList<>(channels.values().stream().filter(c -> c.tenant().equals(tenant)).toList());
    }

    @Override
    public void create(Channel channel) {
        if (channels.putIfAbsent(key(channel.tenant(), channel.id()), channel) != null) {
            throw new ChannelAlreadyExistsException(channel.id());
        }
    }

    @Override
    public Channel update(TenantId tenant, ChannelId channel, VersionCondition condition,
            UnaryOperator<Channel> change) {
        Channel current = existing(tenant, channel);
        condition.check(current.version());
        Channel next = change.apply(current);
        channels.put(key(tenant, channel), next);
        return next;
    }

    @Override
    public void delete(TenantId tenant, ChannelId channel, VersionCondition condition) {
        existing(tenant, channel);
        channels.remove(key(tenant, channel));
    }

    @Override
    public Channel deleteTag(TenantId tenant, ChannelId channel, Tag tag, VersionCondition condition,
            UnaryOperator<Channel> change) {
        Channel current = existing(tenant, channel);
        if (!current.hasTag(tag)) {
            throw new TagNotFoundException(tag);
        }
        return update(tenant, channel, condition, change);
    }

    private Channel existing(TenantId tenant, ChannelId channel) {
        return find(tenant, channel).orElseThrow(() -> new ChannelNotFoundException(channel));
    }

    private static String key(TenantId tenant, ChannelId channel) {
        return tenant.value() + "/" + channel.value();
    }
}
