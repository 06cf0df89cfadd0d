package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import io.thingbus.contracts.SubdeviceEventRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a session's life, checked: what a {@link SessionEventRecord} or a {@link SubdeviceEventRecord} says once
 * its fields are known to be usable. Every event names the client's connection it happened on (for a sub-device
 * event: the gateway's connection).
 */
public sealed interface LifecycleEvent {

    SessionKey key();

    String connectionId();

    /** A client connected: the session it opened, without subscriptions. */
    record Connected(Session session) implements LifecycleEvent {
        public Connected {
            Objects.requireNonNull(session, "session");
        }

        @Override
        public SessionKey key() {
            return session.key();
        }

        @Override
        public String connectionId() {
            return session.connectionId();
        }
    }

    /** A connection ended. */
    record Disconnected(SessionKey key, String connectionId) implements LifecycleEvent {
        public Disconnected {
            Objects.requireNonNull(key, "key");
            Text.require(connectionId, "connection_id");
        }
    }

    /** Filters were added (or granted anew) on a connection. */
    record Subscribed(SessionKey key, String connectionId, List<Subscription> subscriptions)
            implements LifecycleEvent {
        public Subscribed {
            Objects.requireNonNull(key, "key");
            Text.require(connectionId, "connection_id");
            subscriptions = List.copyOf(subscriptions);
        }
    }

    /** Filters were removed on a connection. */
    record Unsubscribed(SessionKey key, String connectionId, List<String> filters) implements LifecycleEvent {
        public Unsubscribed {
            Objects.requireNonNull(key, "key");
            Text.require(connectionId, "connection_id");
            filters = filters.stream().map(f -> Text.require(f, "filter")).toList();
        }
    }

    /**
     * A gateway announced that a sub-device connected through its connection {@code connectionId}. {@code key} is the
     * gateway's session; the sub-device names its owner, who is another user when it was claimed away from the
     * gateway's user.
     */
    record SubdeviceConnected(SessionKey key, String connectionId, Subdevice subdevice) implements LifecycleEvent {
        public SubdeviceConnected {
            Objects.requireNonNull(key, "key");
            Text.require(connectionId, "connection_id");
            Objects.requireNonNull(subdevice, "subdevice");
        }
    }

    /**
     * A gateway announced that a sub-device disconnected from it. The gateway names the device only by its id, which
     * is unique among the devices its session carries, whoever owns it.
     */
    record SubdeviceDisconnected(SessionKey key, String connectionId, DeviceId device) implements LifecycleEvent {
        public SubdeviceDisconnected {
            Objects.requireNonNull(key, "key");
            Text.require(connectionId, "connection_id");
            Objects.requireNonNull(device, "device_id");
        }
    }

    /**
     * Checks a record from the lifecycle topic.
     *
     * @throws IllegalArgumentException when a field the event needs is missing or invalid (see the two overloads)
     */
    static LifecycleEvent of(LifecycleInput input) {
        if (input instanceof LifecycleInput.SubdeviceEvent subdevice) {
            return of(subdevice.record());
        }
        return of(((LifecycleInput.SessionEvent) input).record());
    }

    /**
     * Checks a sub-device event: the gateway's client id, connection id and broker, and the device type when given,
     * must be 1–65535 characters without NUL; an empty device type counts as none. The session is the gateway's
     * ({@code tenant}, {@code client_id}); the sub-device is {@link SubdeviceEventRecord#deviceKey()}, its owner's.
     *
     * @throws IllegalArgumentException otherwise
     */
    static LifecycleEvent of(SubdeviceEventRecord record) {
        SessionKey key = SessionKey.of(record.tenant(), record.clientId());
        Text.require(record.broker(), "broker");
        DeviceKey device = record.deviceKey();
        if (SubdeviceEventRecord.CONNECTED.equals(record.event())) {
            return new SubdeviceConnected(key, record.connectionId(), new Subdevice(device.tenant(), device.device(),
                    Optional.ofNullable(record.deviceType()).filter(type -> !type.isEmpty()), record.gatewayId(),
                    record.at()));
        }
        return new SubdeviceDisconnected(key, record.connectionId(), device.device());
    }

    /**
     * Checks a session event from the lifecycle topic.
     *
     * @throws IllegalArgumentException when a field the event needs is missing or invalid (an unknown transport or
     *     protocol version on {@code connected}, a subscription's qos outside 0–2 or a {@code device_id} that is
     *     neither a device id nor {@code *}, a NUL character in a string)
     */
    static LifecycleEvent of(SessionEventRecord record) {
        SessionKey key = SessionKey.of(record.tenant(), record.clientId());
        return switch (record.event()) {
            case SessionEventRecord.CONNECTED -> new Connected(sessionOpenedBy(key, record));
            case SessionEventRecord.DISCONNECTED -> new Disconnected(key, record.connectionId());
            case SessionEventRecord.SUBSCRIBED -> new Subscribed(key, record.connectionId(),
                    record.subscriptions().stream().map(LifecycleEvent::subscription).toList());
            case SessionEventRecord.UNSUBSCRIBED -> new Unsubscribed(key, record.connectionId(),
                    record.subscriptions().stream().map(SessionSubscription::filter).toList());
            default -> throw new IllegalArgumentException("unknown event " + record.event());
        };
    }

    private static Session sessionOpenedBy(SessionKey key, SessionEventRecord record) {
        Transport transport = Transport.fromWire(record.transport()).orElseThrow(
                () -> new IllegalArgumentException("unknown transport " + record.transport()));
        MqttVersion version = MqttVersion.fromWire(record.protocolVersion()).orElseThrow(
                () -> new IllegalArgumentException("unknown protocol_version " + record.protocolVersion()));
        return new Session(key, record.connectionId(), record.broker(), transport, version,
                Optional.ofNullable(record.tokenHash()), record.at(), List.of(), List.of());
    }

    private static Subscription subscription(SessionSubscription wire) {
        return new Subscription(wire.filter(), wire.qos(), Optional.ofNullable(wire.deviceId()).map(CoveredDevice::of));
    }
}
