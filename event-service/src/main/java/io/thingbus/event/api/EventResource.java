package io.thingbus.event.api;

import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.RuleDetails;
import io.thingbus.event.domain.RuleService;
import io.thingbus.event.domain.UnknownEventException;
import io.thingbus.event.domain.WatchedRule;
import io.thingbus.service.CallerTenant;
import io.thingbus.service.Problem;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * ThingScale's Event service: threshold rules on a channel's stream that notify by e-mail and webhook. Scoped to the
 * tenant in {@code X-Thingbus-Tenant}; another tenant's event answers 404. Writes take {@code If-Match} with the
 * {@code ETag} of a read. The body is read as JSON whatever its declared content type.
 */
@Path("/event")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Event", description = "Threshold and no-data rules on the caller's channels, and their alerts")
public class EventResource {

    private final RuleService rules;

    public EventResource(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @Operation(summary = "List the caller's events, oldest first")
    public List<RuleResponse> events(@HeaderParam(GatewayHeaders.TENANT) String tenant) {
        return rules.rules(CallerTenant.from(tenant)).stream().map(RuleResponse::of).toList();
    }

    @POST
    @Operation(summary = "Create an event; the response holds the webhook secret, shown only this once")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RuleResponse.class)))
    @APIResponse(responseCode = "400", description = "invalid event or unknown channel; errors[].field names each "
            + "invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@HeaderParam(GatewayHeaders.TENANT) String tenant, @RequestBody(content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleRequest.class))) String body) {
        TenantId caller = CallerTenant.from(tenant);
        WatchedRule created = rules.create(caller, RuleBodyParser.parse(body));
        String id = created.rule().id().value();
        return Response.created(UriBuilder.fromPath("/event/{id}").build(id))
                .header(HttpHeaders.ETAG, VersionConditions.etag(created.rule().version()))
                .entity(RuleResponse.created(created)).build();
    }

    @GET
    @Path("{event_id}")
    @Operation(summary = "Read an event with its state and recent alerts; the ETag is its version")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RuleResponse.class)))
    @APIResponse(responseCode = "404", description = "no such event for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response event(@HeaderParam(GatewayHeaders.TENANT) String tenant, @PathParam("event_id") String eventId) {
        TenantId caller = CallerTenant.from(tenant);
        RuleDetails details = rules.rule(caller, id(eventId));
        return Response.ok(RuleResponse.withAlerts(details.watched(), details.recentAlerts()))
                .header(HttpHeaders.ETAG, VersionConditions.etag(details.watched().rule().version())).build();
    }

    @PUT
    @Path("{event_id}")
    @Operation(summary = "Replace an event's definition (restarts its evaluation); If-Match guards against lost updates")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RuleResponse.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response replace(@HeaderParam(GatewayHeaders.TENANT) String tenant, @PathParam("event_id") String eventId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleRequest.class)))
            String body) {
        TenantId caller = CallerTenant.from(tenant);
        EventId id = id(eventId);
        WatchedRule replaced = rules.replace(caller, id, RuleBodyParser.parse(body), VersionConditions.of(ifMatch));
        return Response.ok(RuleResponse.of(replaced))
                .header(HttpHeaders.ETAG, VersionConditions.etag(replaced.rule().version())).build();
    }

    @DELETE
    @Path("{event_id}")
    @Operation(summary = "Delete an event with its alert history; queued notifications are not sent")
    public Response delete(@HeaderParam(GatewayHeaders.TENANT) String tenant, @PathParam("event_id") String eventId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        TenantId caller = CallerTenant.from(tenant);
        rules.delete(caller, id(eventId), VersionConditions.of(ifMatch));
        return Response.noContent().build();
    }

    /** An id that cannot exist answers like one that does not. */
    private static EventId id(String value) {
        if (!EventId.isValid(value)) {
            throw new UnknownEventException();
        }
        return EventId.of(value);
    }
}
