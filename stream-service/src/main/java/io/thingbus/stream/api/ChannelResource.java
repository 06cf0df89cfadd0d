package io.thingbus.stream.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.stream.domain.StreamService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /channel}: the caller's channels. */
@Path("/channel")
@Tag(name = "Channels")
public class ChannelResource {

    private final StreamService service;

    @Inject
    public ChannelResource(StreamService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the caller's channels",
            description = "Every channel of the tenant, oldest first. A device's channel is created when its first "
                    + "telemetry arrives.")
    public List<ChannelResponse> list(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant) {
        return service.channels(TenantHeader.require(tenant)).stream().map(ChannelResponse::of).toList();
    }
}
