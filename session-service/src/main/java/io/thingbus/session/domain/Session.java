package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A live MQTT session as the broker reported it: the client's current connection, its subscriptions and, for a
 * gateway, the sub-devices it announced as connected on this connection.
 *
 * @param connectionId the broker's id of the current network connection; a later connection of the same client gets
 *     another one
 * @param broker the broker instance that holds the connection
 * @param tokenHash the hash of the device token the client authenticated with; empty when the broker did not say
 * @param connectedAt when the current connection was opened (microsecond precision, as stored)
 * @param subdevices the devices connected through this session (a gateway's); empty for any other client
 */
public record Session(SessionKey key, String connectionId, String broker, Transport transport,
        MqttVersion protocolVersion, Optional<SecretHash> tokenHash, Instant connectedAt,
        List<Subscription> subscriptions, List<Subdevice> subdevices) {

    public Session {
        Objects.requireNonNull(key, "key");
        Text.require(connectionId, "connection_id");
        Text.require(broker, "broker");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocolVersion, "protocol_version");
        Objects.requireNonNull(tokenHash, "tokenHash");
        connectedAt = Objects.requireNonNull(connectedAt, "connectedAt").truncatedTo(ChronoUnit.MICROS);
        subscriptions = List.copyOf(subscriptions);
        subdevices = List.copyOf(subdevices);
    }

    /** The devices whose downlink this session receives: device ids in order, then {@code *}; no repeats. */
    public List<CoveredDevice> coveredDevices() {
        return subscriptions.stream()
                .flatMap(s -> s.device().stream())
                .distinct()
                .sorted()
                .toList();
    }

    /** Whether this session is a gateway's that announced {@code device} as connected. */
    public boolean carries(DeviceId device) {
        return subdevices.stream().anyMatch(s -> s.device().equals(device));
    }

    public Session withSubscriptions(List<Subscription> newSubscriptions) {
        return new Session(key, connectionId, broker, transport, protocolVersion, tokenHash, connectedAt,
                newSubscriptions, subdevices);
    }

    public Session withSubdevices(List<Subdevice> newSubdevices) {
        return new Session(key, connectionId, broker, transport, protocolVersion, tokenHash, connectedAt,
                subscriptions, newSubdevices);
    }
}
