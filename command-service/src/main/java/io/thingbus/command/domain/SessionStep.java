package io.thingbus.command.domain;

import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A session event, checked and reduced to what this service keeps: connections, tokens and downlink filters. */
sealed interface SessionStep extends StateStep {

    SessionKey key();

    String connectionId();

    /**
     * Applies the event to the client's session: {@code connected} opens its connection unless it is already the
     * current one; every other event changes the session only when it is about the current connection.
     */
    @Override
    default StateOutcome applyTo(StateChanges changes) {
        boolean isCurrent = changes.currentConnection(key()).filter(connectionId()::equals).isPresent();
        if (this instanceof Connected connected) {
            if (!isCurrent) {
                changes.open(connected.session());
            }
            return StateOutcome.SESSION_APPLIED;
        }
        if (!isCurrent) {
            return StateOutcome.SESSION_STALE;
        }
        if (this instanceof Disconnected) {
            changes.close(key());
        } else if (this instanceof Subscribed subscribed) {
            changes.unsubscribe(key(), subscribed.removed());
            changes.subscribe(key(), subscribed.added());
        } else if (this instanceof Unsubscribed unsubscribed) {
            changes.unsubscribe(key(), unsubscribed.filters());
        }
        return StateOutcome.SESSION_APPLIED;
    }

    record Connected(TrackedSession session) implements SessionStep {
        @Override
        public SessionKey key() {
            return session.key();
        }

        @Override
        public String connectionId() {
            return session.connectionId();
        }
    }

    record Disconnected(SessionKey key, String connectionId) implements SessionStep {
    }

    /**
     * @param added the filters that cover a downlink topic
     * @param removed the filters that (now) cover none: a filter granted again is reclassified
     */
    record Subscribed(SessionKey key, String connectionId, List<DownlinkFilter> added, List<String> removed)
            implements SessionStep {
    }

    record Unsubscribed(SessionKey key, String connectionId, List<String> filters) implements SessionStep {
    }

    /**
     * @throws IllegalArgumentException when a field the step needs is unusable (a NUL in a string, a subscription's
     *     {@code device_id} that is neither a device id nor {@code *})
     */
    static SessionStep of(SessionEventRecord record) {
        SessionKey key = new SessionKey(record.tenant(), record.clientId());
        String connection = Text.require(record.connectionId(), "connection_id");
        return switch (record.event()) {
            case SessionEventRecord.CONNECTED -> new Connected(new TrackedSession(key, connection, record.broker(),
                    Optional.ofNullable(record.tokenHash()), record.at()));
            case SessionEventRecord.DISCONNECTED -> new Disconnected(key, connection);
            case SessionEventRecord.SUBSCRIBED -> subscribed(key, connection, record.subscriptions());
            case SessionEventRecord.UNSUBSCRIBED -> new Unsubscribed(key, connection, filters(record.subscriptions()));
            default -> throw new IllegalArgumentException("unknown event " + record.event());
        };
    }

    private static Subscribed subscribed(SessionKey key, String connection, List<SessionSubscription> subscriptions) {
        List<DownlinkFilter> added = subscriptions.stream()
                .filter(s -> s.deviceId() != null)
                .map(s -> new DownlinkFilter(s.filter(), s.deviceId()))
                .toList();
        List<String> removed = filters(subscriptions.stream().filter(s -> s.deviceId() == null).toList());
        return new Subscribed(key, connection, added, removed);
    }

    private static List<String> filters(List<SessionSubscription> subscriptions) {
        return subscriptions.stream().map(s -> Text.require(Objects.requireNonNull(s.filter()), "filter")).toList();
    }
}
