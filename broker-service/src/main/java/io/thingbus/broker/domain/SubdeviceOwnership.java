package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Where the owner of what a gateway carries changes, in one order with the gateway's own publishes. Consumers of the
 * lifecycle topic (command-service, session-service) learn who owns a carried sub-device only from sub-device events,
 * so when a claim or a tombstone changes the owner of a device a gateway connection here has connected, the device is
 * re-announced: {@code disconnected} naming the former owner, then {@code connected} naming the new one
 * ({@link GatewaySubdevices#reannouncements}), through the same {@link UplinkSink} as the gateway's own events.
 *
 * <p>Ordering: a gateway publish resolves the owners of its sub-devices, tracks its sub-device events and hands its
 * records to the sink as one step under the read lock ({@link #duringPublish}); a claims record is applied, and its
 * re-announcements computed and handed to the sink, under the write lock. So each publish lies wholly before or
 * wholly after each claim change: a {@code connected} resolved with the old owner is enqueued before the
 * re-announcement that corrects it, and a gateway's {@code disconnected} after a re-announcement names the new owner
 * and comes after it. Publishes of different connections run concurrently; claims are rare, and the write lock is
 * held for hash-map operations and enqueueing only (the sink never blocks).
 *
 * <p>Thread-safe. Gateway publishes may run on any number of threads; claims records come from one thread.
 */
public final class SubdeviceOwnership {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ClaimedDevices claims;
    private final GatewaySubdevices subdevices;
    private final UplinkSink sink;
    private final Clock clock;

    /**
     * @param claims the claims the gateway publish mapper resolves owners with
     * @param subdevices the sub-device links the gateway publishes track
     * @param sink where the gateway publishes' records go
     */
    public SubdeviceOwnership(ClaimedDevices claims, GatewaySubdevices subdevices, UplinkSink sink, Clock clock) {
        this.claims = Objects.requireNonNull(claims, "claims");
        this.subdevices = Objects.requireNonNull(subdevices, "subdevices");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one gateway publish — resolve the owners, track the sub-device events in {@link GatewaySubdevices}, hand
     * the records to the {@link UplinkSink} — with no claim change in between. Runs concurrently with other publishes;
     * waits only while a claims record is being applied. {@code publish} must not block; its exceptions propagate.
     */
    public void duringPublish(Runnable publish) {
        lock.readLock().lock();
        try {
            publish.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code claimer} claimed the device away from {@code former}'s user ({@link ClaimedDevices#claimed}); re-announces
     * the links whose owner changed (two events each), and says how many and when they are stored. Waits only for
     * the gateway publishes in progress; never blocks otherwise.
     */
    public Reannounced claimed(DeviceKey former, TenantId claimer) {
        lock.writeLock().lock();
        try {
            claims.claimed(former, claimer);
            return reannounce(former.device());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** {@code former}'s user has the device again ({@link ClaimedDevices#reclaimed}); as {@link #claimed} otherwise. */
    public Reannounced reclaimed(DeviceKey former) {
        lock.writeLock().lock();
        try {
            claims.reclaimed(former);
            return reannounce(former.device());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@code thread} waits to take the lock, in a publish or a claim change (for tests of the ordering). */
    boolean isWaitingForTheLock(Thread thread) {
        return lock.hasQueuedThread(thread);
    }

    private Reannounced reannounce(DeviceId device) {
        List<SubdeviceEventRecord> events = subdevices.reannouncements(device, clock.instant());
        if (events.isEmpty()) {
            return Reannounced.nothing();
        }
        return new Reannounced(events.size() / 2,
                sink.sendAll(events.stream().<Uplink>map(Uplink.SubdeviceEvent::reannounced).toList()));
    }
}
