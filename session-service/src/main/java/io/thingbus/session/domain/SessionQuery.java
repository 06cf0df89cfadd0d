package io.thingbus.session.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which of a tenant's sessions to list: all, or those covering one device's downlink, or those on one transport, or
 * both.
 *
 * @param device only sessions whose subscriptions name this device (or, for {@code *}, cover every device of their
 *     token), or gateway sessions that carry it as a connected sub-device
 * @param transport only sessions connected over this transport
 */
public record SessionQuery(Optional<CoveredDevice> device, Optional<Transport> transport) {

    public SessionQuery {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(transport, "transport");
    }

    public static SessionQuery all() {
        return new SessionQuery(Optional.empty(), Optional.empty());
    }

    /**
     * Reads the query parameters; null or empty means "any".
     *
     * @throws InvalidQueryException when the device id is invalid or the transport unknown
     */
    public static SessionQuery parse(String deviceId, String transport) {
        return new SessionQuery(parseDevice(deviceId), parseTransport(transport));
    }

    /**
     * Reads an optional device id parameter (of {@code GET /session/devices}); null or empty means "any".
     *
     * @throws InvalidQueryException when it cannot be a device id
     */
    public static Optional<DeviceId> parseDeviceId(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!DeviceId.isValid(value)) {
            throw new InvalidQueryException("device_id",
                    "not a device id: 1-128 characters without '/', '+', '#' or control characters");
        }
        return Optional.of(DeviceId.of(value));
    }

    public boolean matches(Session session) {
        return device.map(d -> serves(session, d)).orElse(true)
                && transport.map(t -> session.transport() == t).orElse(true);
    }

    private static boolean serves(Session session, CoveredDevice device) {
        return session.coveredDevices().contains(device)
                || !device.isAllOfToken() && session.carries(DeviceId.of(device.value()));
    }

    private static Optional<CoveredDevice> parseDevice(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CoveredDevice.of(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("device_id", "not a device id: 1-128 characters without '/', '+', '#' "
                    + "or control characters, or '*'");
        }
    }

    private static Optional<Transport> parseTransport(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Transport.fromWire(value).orElseThrow(
                () -> new InvalidQueryException("transport", "must be one of tcp, tls, ws, wss")));
    }
}
