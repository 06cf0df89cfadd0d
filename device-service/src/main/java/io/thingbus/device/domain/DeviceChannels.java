package io.thingbus.device.domain;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Keeps the registry's copy of the tenants' channels (announced by stream-service) and the devices that chose them
 * consistent: when a channel is deleted, every device whose telemetry went there goes back to its default channel —
 * a new version, announced on the devices topic through the outbox — so stream-service and every other reader of the
 * devices topic agree on where the device's data goes. Thread-safe; one consumer thread is the expected caller.
 */
public final class DeviceChannels {

    /**
     * What one {@link #apply} did.
     *
     * @param announced channels stored or re-associated
     * @param deleted channels removed
     * @param movedToDefault devices sent back to their default channel because their channel was deleted
     */
    public record Outcome(int announced, int deleted, int movedToDefault) {

        public static final Outcome NONE = new Outcome(0, 0, 0);
    }

    private final RegistryStore store;
    private final Clock clock;

    public DeviceChannels(RegistryStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Applies {@code changes} in their order, in one transaction; returns only after it committed. Idempotent: applying
     * the same changes again changes nothing (a deleted channel no device chose any more moves no device).
     *
     * @throws RuntimeException on a storage failure (or a device choosing a channel while it is deleted); nothing was
     *     stored then and the call may be repeated
     */
    public Outcome apply(List<ChannelChange> changes) {
        if (changes.isEmpty()) {
            return Outcome.NONE;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return store.inTransaction(tx -> {
            Outcome outcome = Outcome.NONE;
            for (ChannelChange change : changes) {
                outcome = plus(outcome, applyOne(tx, change, now));
            }
            return outcome;
        });
    }

    private static Outcome applyOne(RegistryTransaction tx, ChannelChange change, Instant now) {
        if (change instanceof ChannelChange.Announced announced) {
            tx.channels().put(announced.tenant(), announced.channel(), announced.device());
            return new Outcome(1, 0, 0);
        }
        int moved = moveToDefault(tx, change.tenant(), change.channel(), now);
        boolean removed = tx.channels().remove(change.tenant(), change.channel());
        return new Outcome(0, removed ? 1 : 0, moved);
    }

    /** Writes each device before the message announcing it (see {@link RegistryTransaction}). */
    private static int moveToDefault(RegistryTransaction tx, TenantId tenant, ChannelId channel, Instant now) {
        List<Device> devices = tx.devices().choosingForUpdate(tenant, channel);
        for (Device device : devices) {
            Device moved = device.backToDefaultChannel(now);
            tx.devices().update(moved);
            tx.outbox().append(OutboxMessages.deviceChanged(moved));
        }
        return devices.size();
    }

    private static Outcome plus(Outcome a, Outcome b) {
        return new Outcome(a.announced() + b.announced(), a.deleted() + b.deleted(),
                a.movedToDefault() + b.movedToDefault());
    }
}
