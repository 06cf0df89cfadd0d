package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SessionEventRecord;
import io.thingbus.contracts.SessionEventRecord.SessionSubscription;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the {@link SessionEventRecord}s of this broker instance: {@code connected}, {@code disconnected},
 * {@code subscribed} and {@code unsubscribed}, stamped with the current time and this instance's id. Every
 * subscription is classified with the {@link ThingScaleAccessPolicy}: the device whose downlink topic its filter
 * covers, {@code *} for all devices of the token, or none; a gateway filter ({@code v1/gateway/rpc}, …) covers the
 * gateway's own downlink, so its device is the gateway, whose device id is its client id.
 *
 * <p>Pure apart from the clock; thread-safe.
 */
public final class SessionEvents {

    private final ThingScaleAccessPolicy policy;
    private final Clock clock;
    private final String broker;

    /** @param broker this instance's id, as in {@code //thingbus/broker-service/<id>} */
    public SessionEvents(ThingScaleAccessPolicy policy, Clock clock, String broker) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.broker = Objects.requireNonNull(broker, "broker");
    }

    public SessionEventRecord connected(MqttConnection connection, Transport transport, MqttProtocolVersion version) {
        return new SessionEventRecord(SessionEventRecord.CONNECTED, connection.identity().tenant(),
                connection.clientId(), connection.connectionId(), broker, connection.identity().token().hash(),
                transport.label(), version.label(), List.of(), null, clock.instant());
    }

    public SessionEventRecord disconnected(MqttConnection connection, DisconnectReason reason) {
        return event(SessionEventRecord.DISCONNECTED, connection, List.of(), reason.label());
    }

    /** @param granted the filters the broker granted, each with its granted QoS (0–2) */
    public SessionEventRecord subscribed(MqttConnection connection, List<GrantedFilter> granted) {
        return event(SessionEventRecord.SUBSCRIBED, connection,
                granted.stream().map(g -> subscription(connection, g.filter(), g.qos())).toList(), null);
    }

    /** @param filters the filters whose subscriptions were removed; their {@code qos} is 0 in the record */
    public SessionEventRecord unsubscribed(MqttConnection connection, List<String> filters) {
        return event(SessionEventRecord.UNSUBSCRIBED, connection,
                filters.stream().map(f -> subscription(connection, f, 0)).toList(), null);
    }

    private SessionSubscription subscription(MqttConnection connection, String filter, int qos) {
        return new SessionSubscription(filter, qos, policy.downlinkDeviceOf(filter, connection.identity())
                .or(() -> gatewayOf(filter, connection)).orElse(null));
    }

    private static Optional<String> gatewayOf(String filter, MqttConnection connection) {
        return GatewayTopic.allowsSubscription(filter) && DeviceId.isValid(connection.clientId())
                ? Optional.of(connection.clientId()) : Optional.empty();
    }

    private SessionEventRecord event(String type, MqttConnection connection, List<SessionSubscription> subscriptions,
            String reason) {
        return new SessionEventRecord(type, connection.identity().tenant(), connection.clientId(),
                connection.connectionId(), broker, null, null, null, subscriptions, reason, clock.instant());
    }

    /** A topic filter the broker granted, with the QoS it granted (0–2). */
    public record GrantedFilter(String filter, int qos) {

        public GrantedFilter {
            Objects.requireNonNull(filter, "filter");
            if (qos < 0 || qos > 2) {
                throw new IllegalArgumentException("qos must be 0, 1 or 2");
            }
        }
    }
}
