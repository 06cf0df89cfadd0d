package io.thingbus.session.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the live session view from lifecycle records, in their log order:
 * <ul>
 *   <li>{@code connected} makes its connection the client's session (replacing an older connection and its
 *       subscriptions); the same connection reported again changes nothing;</li>
 *   <li>{@code disconnected} ends the session only if its connection is still the current one: a client that
 *       reconnected elsewhere is reported connected before the old instance reports the loss, and stays;</li>
 *   <li>{@code subscribed} / {@code unsubscribed} change the filters of the current connection; events of an older
 *       connection are ignored;</li>
 *   <li>a sub-device {@code connected} / {@code disconnected} adds the device to / removes it from the gateway's
 *       session, only when its connection is the gateway's current one. A new connection of the gateway, or the end
 *       of its session, drops every sub-device it carried, whoever owns it.</li>
 * </ul>
 * The session of a sub-device event is always the gateway's ({@code tenant}, {@code client_id}), so one gateway's
 * records apply in order; the sub-device belongs to its owner ({@code device_tenant}), who is another user when the
 * device was claimed away from the gateway's user. Within one gateway session a device id names one device: announced
 * again with another owner (it was claimed meanwhile), it moves to that owner as a new connection.
 * Applying the same records again, in order, leaves the same view (replays after a crash or a rebalance store nothing
 * twice). Thread-safe; a batch is applied in one transaction of the store.
 */
public final class LifecycleProjection {

    private final SessionStore store;

    public LifecycleProjection(SessionStore store) {
        this.store = store;
    }

    /**
     * Applies the records in one transaction. Records that are not usable events are skipped and reported.
     *
     * @throws StoreUnavailableException when the store fails; nothing of the batch is kept
     */
    public ProjectionReport apply(List<LifecycleInput> inputs) {
        List<LifecycleEvent> events = new ArrayList<>(inputs.size());
        List<ProjectionReport.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                events.add(LifecycleEvent.of(inputs.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                rejected.add(new ProjectionReport.Rejected(i, String.valueOf(e.getMessage())));
            }
        }
        int[] applied = {0};
        store.inTransaction(changes -> applied[0] = applyAll(events, changes));
        return new ProjectionReport(applied[0], events.size() - applied[0], rejected);
    }

    private static int applyAll(List<LifecycleEvent> events, SessionChanges changes) {
        int applied = 0;
        for (LifecycleEvent event : events) {
            if (applyOne(event, changes)) {
                applied++;
            }
        }
        return applied;
    }

    /** @return whether the event concerned the current connection (or opened a new one) */
    static boolean applyOne(LifecycleEvent event, SessionChanges changes) {
        Optional<String> current = changes.currentConnection(event.key());
        boolean isCurrent = current.filter(event.connectionId()::equals).isPresent();
        if (event instanceof LifecycleEvent.Connected connected) {
            if (!isCurrent) {
                changes.open(connected.session());
            }
            return true;
        }
        if (!isCurrent) {
            return false;
        }
        if (event instanceof LifecycleEvent.Disconnected) {
            changes.close(event.key());
        } else if (event instanceof LifecycleEvent.Subscribed subscribed) {
            changes.subscribe(event.key(), subscribed.subscriptions());
        } else if (event instanceof LifecycleEvent.Unsubscribed unsubscribed) {
            changes.unsubscribe(event.key(), unsubscribed.filters());
        } else if (event instanceof LifecycleEvent.SubdeviceConnected connected) {
            changes.connectSubdevice(event.key(), event.connectionId(), connected.subdevice());
        } else if (event instanceof LifecycleEvent.SubdeviceDisconnected disconnected) {
            changes.disconnectSubdevice(event.key(), disconnected.device());
        }
        return true;
    }
}
