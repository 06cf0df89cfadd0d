package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a gateway's lifecycle records tell the registry. Each event comes from one gateway session, of the tenant of the
 * gateway's authenticated connection ({@link #gatewayTenant()}); a sub-device event is about the sub-device's owner's
 * device ({@code device}), which is another user's when that user claimed the device away from the gateway's owner.
 */
public sealed interface GatewayEvent {

    /** The owner of the gateway session the event comes from. */
    TenantId gatewayTenant();

    /**
     * A gateway announced sub-device {@code device} ({@code v1/gateway/connect}).
     *
     * @param device the sub-device, in its owner's tenant
     * @param gatewayTenant the gateway's owner
     * @param tokenHash the hash of the token the gateway connected with, when known
     */
    record SubdeviceConnected(DeviceKey device, TenantId gatewayTenant, DeviceId gatewayId, String gatewayClientId,
                              String connectionId, Optional<SecretHash> tokenHash, Instant at)
            implements GatewayEvent {

        public SubdeviceConnected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(gatewayTenant, "gatewayTenant");
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

        /** The gateway connection this announcement came over. */
        public GatewayConnection connection() {
            return new GatewayConnection(gatewayTenant, gatewayClientId, connectionId);
        }

        /** The link this announcement makes: connected through the gateway's current connection. */
        public SubdeviceLink link() {
            return new SubdeviceLink(gatewayTenant, gatewayId, gatewayClientId, connectionId, true, at);
        }
    }

    /**
     * A gateway reported that sub-device {@code device} disconnected ({@code v1/gateway/disconnect}).
     *
     * @param device the sub-device, in its owner's tenant
     * @param gatewayTenant the gateway's owner
     */
    record SubdeviceDisconnected(DeviceKey device, TenantId gatewayTenant, String gatewayClientId, Instant at)
            implements GatewayEvent {

        public SubdeviceDisconnected {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(gatewayTenant, "gatewayTenant");
            Objects.requireNonNull(gatewayClientId, "gatewayClientId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The MQTT session {@code connectionId} of client {@code clientId} of {@code tenant} ended: the sub-devices it
     * announced are disconnected, whoever owns them.
     */
    record SessionEnded(TenantId tenant, String clientId, String connectionId, Instant at) implements GatewayEvent {

        public SessionEnded {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(connectionId, "connectionId");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public TenantId gatewayTenant() {
            return tenant;
        }

        /** The connection that ended. */
        public GatewayConnection connection() {
            return new GatewayConnection(tenant, clientId, connectionId);
        }
    }
}
