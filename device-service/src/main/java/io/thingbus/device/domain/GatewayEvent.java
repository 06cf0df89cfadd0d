package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What a gateway's lifecycle records tell the registry, in the tenant of the gateway's authenticated connection. */
public sealed interface GatewayEvent {

    /**
     * A gateway announced sub-device {@code device} ({@code v1/gateway/connect}).
     *
     * @param tokenHash the hash of the token the gateway connected with, when known
     */
    record SubdeviceConnected(DeviceKey device, DeviceId gatewayId, String gatewayClientId, String connectionId,
                              Optional<SecretHash> tokenHash, Instant at) implements GatewayEvent {

        public SubdeviceConnected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(gatewayId, "gatewayId");
            Objects.requireNonNull(gatewayClientId, "gatewayClientId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(tokenHash, "tokenHash");
            Objects.requireNonNull(at, "at");
        }

        /** A gateway announcing itself as its own sub-device: ignored, a device is never its own gateway. */
        public boolean namesItsGateway() {
            return device.device().equals(gatewayId);
        }

        /** The link this announcement makes: connected through the gateway's current connection. */
        public SubdeviceLink link() {
            return new SubdeviceLink(gatewayId, gatewayClientId, connectionId, true, at);
        }
    }

    /** A gateway reported that sub-device {@code device} disconnected ({@code v1/gateway/disconnect}). */
    record SubdeviceDisconnected(DeviceKey device, String gatewayClientId, Instant at) implements GatewayEvent {

        public SubdeviceDisconnected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(gatewayClientId, "gatewayClientId");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The MQTT session {@code connectionId} of client {@code clientId} ended: its sub-devices are disconnected. */
    record SessionEnded(TenantId tenant, String clientId, String connectionId, Instant at) implements GatewayEvent {

        public SessionEnded {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(at, "at");
        }
    }
}
