package io.thingbus.stream.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of channel create and update, for the OpenAPI document (requests are read by {@link ChannelBody}). */
@Schema(name = "ChannelRequest", description = "device_id is required on create; on update, an absent or null field "
        + "stays as it is")
public record ChannelRequest(
        @Schema(description = "One of the tenant's devices", example = "dev-1")
        @JsonProperty("device_id") String deviceId,
        @Schema(description = "1-128 characters; defaults to the channel id", example = "Kitchen")
        @JsonProperty("name") String name) {
}
