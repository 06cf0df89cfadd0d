package io.thingbus.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.session.domain.ConnectedDevice;

/** One line of {@code GET /session/devices}: a device and the gateway session it is connected through. */
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
     * @param clientId the MQTT client id of the gateway's session (as in {@code GET /session})
     * @param broker the broker instance that holds the gateway's connection
     */
    public record Gateway(
            @JsonProperty("gateway_id") String gatewayId,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("broker") String broker) {
    }

    static ConnectedDeviceResponse of(ConnectedDevice device) {
        return new ConnectedDeviceResponse(device.subdevice().device().value(),
                device.subdevice().deviceType().orElse(null), device.subdevice().connectedAt().toString(),
                new Gateway(device.subdevice().gateway().value(), device.gatewaySession().clientId(),
                        device.broker()));
    }
}
