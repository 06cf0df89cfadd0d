package io.thingbus.stream.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The channels of each tenant. Every call is scoped to one tenant (another tenant's channel is never found) and is
 * its own transaction. Every change is announced on the channels topic: the announcement is written in the same
 * transaction and published after it committed, so a change and its announcement happen both or neither.
 * Implementations are thread-safe. Channels are also created by {@link PointStore#append(List)} (a device's default
 * channel).
 *
 * @see PointStore
 */
public interface ChannelCatalog {

    /**
     * The tenant's channel with that id, with its tags; empty when there is none.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    Optional<Channel> find(TenantId tenant, ChannelId channel);

    /**
     * Every channel of the tenant with its tags, oldest first.
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<Channel> list(TenantId tenant);

    /**
     * Stores a new channel with its tags.
     *
     * @throws ChannelAlreadyExistsException when the tenant has a channel with that id; nothing was changed
     * @throws StoreUnavailableException when the store failed; nothing was changed
     */
    void create(Channel channel);

    /**
     * Changes a channel while holding it: checks {@code condition} against its current version, then stores what
     * {@code change} makes of it (name, device, added tags, version, update time). When {@code change} returns the
     * channel unchanged, nothing is written or announced.
     *
     * @param change computes the new state from the current one; called at most once, inside the transaction
     * @return the channel after the change
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws VersionMismatchException when the condition does not hold; nothing was changed
     * @throws StoreUnavailableException when the store failed; nothing was changed
     */
    Channel update(TenantId tenant, ChannelId channel, VersionCondition condition, UnaryOperator<Channel> change);

    /**
     * Deletes a channel, its tags and all its points, and announces the deletion (a tombstone).
     *
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws VersionMismatchException when the condition does not hold; nothing was deleted
     * @throws StoreUnavailableException when the store failed; nothing was deleted
     */
    void delete(TenantId tenant, ChannelId channel, VersionCondition condition);

    /**
     * Deletes one tag of a channel and every point of that tag; the channel and its other points stay. Points of the
     * tag that arrive later make the tag known again.
     *
     * @param change computes the channel without the tag from the current one (the next version)
     * @return the channel after the deletion
     * @throws ChannelNotFoundException when the tenant has no such channel
     * @throws TagNotFoundException when the channel neither knows the tag nor holds points of it
     * @throws VersionMismatchException when the condition does not hold; nothing was deleted
     * @throws StoreUnavailableException when the store failed; nothing was deleted
     */
    Channel deleteTag(TenantId tenant, ChannelId channel, Tag tag, VersionCondition condition,
            UnaryOperator<Channel> change);
}
