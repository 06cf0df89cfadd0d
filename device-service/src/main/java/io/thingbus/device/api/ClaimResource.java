package io.thingbus.device.api;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.device.domain.Claiming;
import io.thingbus.device.domain.Device;
import io.thingbus.service.CallerTenant;
import io.thingbus.service.IfMatch;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Claiming (ThingsBoard's claiming devices): the caller takes over a device of another user that opened a claiming
 * window with a secret the caller knows.
 */
@Path("/claim")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claiming", description = "Take over a device that opened a claiming window")
public class ClaimResource {

    private final Claiming claiming;
    private final JsonBody json;

    public ClaimResource(Claiming claiming, JsonBody json) {
        this.claiming = claiming;
        this.json = json;
    }

    @POST
    @Operation(summary = "Claim a device with the secret key of its open claiming window; it becomes the caller's")
    public Response claim(@HeaderParam(GatewayHeaders.TENANT) String tenant,
                          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  schema = @Schema(implementation = ClaimRequest.class))) String body) {
        TenantId claimer = CallerTenant.from(tenant);
        ClaimRequest request = json.read(body, ClaimRequest.class, new ClaimRequest(null, null));
        BodyInput input = new BodyInput();
        Optional<DeviceId> device = input.optional("device_id", request.deviceId(), DeviceId::of);
        input.requireValid();
        DeviceId id = device.orElseThrow(() ->
                new ProblemException(Problem.invalidField("body.device_id", "the device id is required")));
        Device claimed = claiming.claim(claimer, id, request.secretKey() == null ? "" : request.secretKey());
        return Response.created(UriBuilder.fromPath("/device/{id}").build(id.value()))
                .header(HttpHeaders.ETAG, IfMatch.etag(claimed.version()))
                .entity(DeviceResponse.of(claimed))
                .build();
    }
}
