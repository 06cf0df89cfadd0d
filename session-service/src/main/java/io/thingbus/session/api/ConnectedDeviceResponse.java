package io.thingbus.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.session.domain.ConnectedDevice;

/**
 * One line of {@code GET /session/devices}: a device of the caller and the gateway session it is connected through.
 * When that gateway is another user's (the caller claimed the device from that user, and it still talks through
 * that user's gateway), only the gateway's id is shown: that user's session is not the caller's to see.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConnectedDeviceResponse(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("device_type") String deviceType,
        @JsonProperty("connected_since") String connectedSince,
        @JsonProperty("via_gateway") Gateway viaGateway) {

    /**
     * The gateway a device is connected through.
     *
     * @param gatewayId the gateway's own device id
     * @param clientId the MQTT client id of the gateway's session (as in {@code GET /session}); null when the gateway
     *     is another user's
     * @param broker the broker instance that holds the gateway's connection; null when the gateway is another user's
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Gateway(
            @JsonProperty("gateway_id") String gatewayId,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("broker") String broker) {
    }

    static ConnectedDeviceResponse of(ConnectedDevice device) {
        return new ConnectedDeviceResponse(device.subdevice().device().value(),
                device.subdevice().deviceType().orElse(null), device.subdevice().connectedAt().toString(),
                gatewayOf(device));
    }

    private static Gateway gatewayOf(ConnectedDevice device) {
        String gatewayId = device.subdevice().gateway().value();
        if (device.viaAnotherUsersGateway()) {
            return new Gateway(gatewayId, null, null);
        }
        return new Gateway(gatewayId, device.gatewaySession().clientId(), device.broker());
    }
}
