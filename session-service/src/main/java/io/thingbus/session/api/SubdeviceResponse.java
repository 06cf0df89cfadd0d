package io.thingbus.session.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.session.domain.Subdevice;

/** One device connected through a gateway session, in {@code GET /session}; {@code device_type} may be null. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SubdeviceResponse(
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("device_type") String deviceType,
        @JsonProperty("connected_since") String connectedSince) {

    static SubdeviceResponse of(Subdevice subdevice) {
        return new SubdeviceResponse(subdevice.device().value(), subdevice.deviceType().orElse(null),
                subdevice.connectedAt().toString());
    }
}
