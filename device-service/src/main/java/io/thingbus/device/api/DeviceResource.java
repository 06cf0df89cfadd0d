package io.thingbus.device.api;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.device.domain.Device;
import io.thingbus.device.domain.DeviceInput;
import io.thingbus.device.domain.DeviceName;
import io.thingbus.device.domain.DeviceRegistry;
import io.thingbus.device.domain.DeviceToken;
import io.thingbus.service.CallerTenant;
import io.thingbus.service.IfMatch;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ThingScale's Device service: the caller's device registry. Scoped to the tenant in {@code X-Thingbus-Tenant};
 * another tenant's device answers 404. Writes take {@code If-Match} with the {@code ETag} of a read.
 */
@Path("/device")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Device", description = "The caller's devices")
public class DeviceResource {

    private final DeviceRegistry registry;
    private final JsonBody json;

    public DeviceResource(DeviceRegistry registry, JsonBody json) {
        this.registry = registry;
        this.json = json;
    }

    @GET
    @Operation(summary = "List all devices of the caller, ordered by device id")
    public List<DeviceResponse> devices(@HeaderParam(GatewayHeaders.TENANT) String tenant) {
        return registry.devices(CallerTenant.from(tenant)).stream().map(DeviceResponse::of).toList();
    }

    @GET
    @Path("{device_id}")
    @Operation(summary = "Read one device; the ETag is its version")
    public Response device(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                           @PathParam("device_id") String deviceId) {
        return withVersion(Response.ok(), registry.device(key(tenant, deviceId)));
    }

    @POST
    @Path("{device_id}")
    @Operation(summary = "Create a device (name defaults to the id, token to the caller's first device token, "
            + "channel to the device's default channel)")
    public Response create(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                           @PathParam("device_id") String deviceId, @RequestBody(content = @Content(
                                   mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = DeviceRequest.class))) String body) {
        DeviceKey key = key(tenant, deviceId);
        Device device = registry.register(key, input(body));
        return withVersion(Response.created(UriBuilder.fromPath("/device/{id}").build(deviceId)), device);
    }

    @PUT
    @Path("{device_id}")
    @Operation(summary = "Change name, device token and/or channel (null = the default channel); If-Match with the "
            + "ETag guards against lost updates")
    public Response update(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                           @PathParam("device_id") String deviceId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(
                                   mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = DeviceRequest.class))) String body) {
        DeviceKey key = key(tenant, deviceId);
        Device device = registry.change(key, input(body), IfMatchCondition.from(ifMatch));
        return withVersion(Response.ok(), device);
    }

    @DELETE
    @Path("{device_id}")
    @Operation(summary = "Delete a device (its stored data stays in its channel)")
    public Response delete(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                           @PathParam("device_id") String deviceId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        registry.remove(key(tenant, deviceId), IfMatchCondition.from(ifMatch));
        return Response.noContent().build();
    }

    /** The tenant is checked first: an unauthenticated request learns nothing about its parameters. */
    private static DeviceKey key(String tenant, String deviceId) {
        return DeviceKey.of(CallerTenant.from(tenant), PathInput.deviceId(deviceId));
    }

    private DeviceInput input(String body) {
        JsonBody.Named<DeviceRequest> named =
                json.readNamed(body, DeviceRequest.class, new DeviceRequest(null, null, null));
        DeviceRequest request = named.value();
        BodyInput input = new BodyInput();
        DeviceInput result = new DeviceInput(
                input.optional("name", request.name(), DeviceName::of),
                input.optional("device_token", request.deviceToken(), DeviceToken::of),
                input.resettable(DeviceRequest.CHANNEL_ID, named.names(DeviceRequest.CHANNEL_ID), request.channelId(),
                        ChannelId::of));
        input.requireValid();
        return result;
    }

    private static Response withVersion(Response.ResponseBuilder response, Device device) {
        return response.header(HttpHeaders.ETAG, IfMatch.etag(device.version()))
                .entity(DeviceResponse.of(device))
                .build();
    }
}
