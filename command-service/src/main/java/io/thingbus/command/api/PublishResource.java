package io.thingbus.command.api;

import io.thingbus.command.domain.DeviceNotFoundException;
import io.thingbus.command.domain.DevicePublisher;
import io.thingbus.command.domain.InvalidPublishException;
import io.thingbus.command.domain.PublishOptions;
import io.thingbus.command.domain.PublishRequest;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.CallerTenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /publish/{device_id}}: sends a message to a device's ThingScale downlink topic. */
@Path("/publish")
@Tag(name = "Publish")
public class PublishResource {

    private final DevicePublisher publisher;

    @Inject
    public PublishResource(DevicePublisher publisher) {
        this.publisher = publisher;
    }

    @POST
    @Path("/{device_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a message to a device",
            description = "Delivers the JSON body, unchanged, to the device's MQTT topic <DEVICE_TOKEN>/<DEVICE_ID>/"
                    + "subscribe. Answers once Kafka has the message; the broker holding the device's session "
                    + "delivers it, and a durable session that is offline receives a QoS 1 message when it returns.")
    @APIResponse(responseCode = "202", description = "Accepted for delivery")
    public Response publish(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "The device") @PathParam("device_id") String deviceId,
            @Parameter(description = "0 or 1 (default 1); 2 is not supported") @QueryParam("qos") String qos,
            @Parameter(description = "Seconds after which an undelivered message is dropped")
            @QueryParam("expiry") String expiry,
            @RequestBody(description = "Any JSON value; the device receives these exact bytes") byte[] body) {
        TenantId caller = CallerTenant.from(tenant);
        PublishOptions options = PublishOptions.parse(qos, expiry);
        if (!JsonPayload.isValid(body)) {
            throw new InvalidPublishException("body", "the body must be one JSON value");
        }
        PublishRequest request = new PublishRequest(deviceKey(caller, deviceId), options, body);
        return Response.accepted(PublishResponse.of(publisher.publish(request))).build();
    }

    /** A device id that cannot exist is a device that does not exist. */
    private static DeviceKey deviceKey(TenantId tenant, String deviceId) {
        if (!DeviceId.isValid(deviceId)) {
            throw new DeviceNotFoundException(tenant.value() + "/" + deviceId);
        }
        return DeviceKey.of(tenant, DeviceId.of(deviceId));
    }
}
