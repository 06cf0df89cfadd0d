package io.thingbus.stream.api;

import static io.thingbus.stream.api.RequestValues.existingChannel;
import static io.thingbus.stream.api.RequestValues.invalid;
import static io.thingbus.stream.api.RequestValues.tag;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.CallerTenant;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.Channel;
import io.thingbus.stream.domain.ChannelChange;
import io.thingbus.stream.domain.ChannelService;
import io.thingbus.stream.domain.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The Channel service: {@code /channel} and {@code /channel/{channel_id}}. */
@Path("/channel")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Channels")
public class ChannelResource {

    private static final String TENANT_DOC = "The authenticated tenant, set by the gateway";

    private final ChannelService channels;

    @Inject
    public ChannelResource(ChannelService channels) {
        this.channels = channels;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List the caller's channels",
            description = "Every channel of the tenant, oldest first. With X-WITHTAG: true each shows its tags.")
    @APIResponse(responseCode = "200", description = "The channels")
    public List<ChannelResponse> list(
            @Parameter(description = TENANT_DOC, required = true) @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "true: show each channel's tags") @HeaderParam(StreamHeaders.WITH_TAG)
            String withTag) {
        TenantId owner = CallerTenant.from(tenant);
        boolean tags = withTag(withTag);
        return channels.list(owner).stream()
                .map(c -> tags ? ChannelResponse.withTags(c) : ChannelResponse.withoutTags(c))
                .toList();
    }

    @GET
    @Path("/{channel_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retrieve a channel", description = "The channel with its tags; ETag holds its version.")
    @APIResponse(responseCode = "200", description = "The channel")
    @APIResponse(responseCode = "404", description = "The tenant has no such channel")
    public Response get(
            @Parameter(description = TENANT_DOC, required = true) @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @PathParam("channel_id") String channelId) {
        TenantId owner = CallerTenant.from(tenant);
        return withVersion(Response.ok(), channels.get(owner, existingChannel(channelId)));
    }

    @POST
    @Path("/{channel_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a channel",
            description = "A new channel associated with one of the tenant's devices. X-TAGNAME declares a tag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag name it and its version")
    @APIResponse(responseCode = "400", description = "An invalid channel id, body or X-TAGNAME")
    @APIResponse(responseCode = "404", description = "The tenant has no such device")
    @APIResponse(responseCode = "409", description = "The tenant already has a channel with that id")
    public Response create(
            @Parameter(description = TENANT_DOC, required = true) @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @Parameter(description = "1-64 letters, digits, '_' or '-'") @PathParam("channel_id") String channelId,
            @Parameter(description = "A tag to declare in the channel") @HeaderParam(StreamHeaders.TAG_NAME)
            String tagName,
            String body) {
        TenantId owner = CallerTenant.from(tenant);
        ChannelId id = newId(channelId);
        ChannelBody request = ChannelBody.parse(body);
        Channel created = channels.create(owner, id, request.requireDevice(), request.name(), tag(tagName));
        return withVersion(Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION,
                "/channel/" + id.value()), created);
    }

    @PUT
    @Path("/{channel_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a channel",
            description = "Renames the channel or associates it with another of the tenant's devices (absent fields "
                    + "stay as they are); X-TAGNAME declares a tag. With If-Match, only when the version matches.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ChannelRequest.class)))
    @APIResponse(responseCode = "200", description = "The channel after the update; ETag holds its version")
    @APIResponse(responseCode = "400", description = "An invalid body or X-TAGNAME")
    @APIResponse(responseCode = "404", description = "The tenant has no such channel, or no such device")
    @APIResponse(responseCode = "412", description = "If-Match does not match the channel's version")
    public Response update(
            @Parameter(description = TENANT_DOC, required = true) @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @PathParam("channel_id") String channelId,
            @Parameter(description = "A tag to declare in the channel") @HeaderParam(StreamHeaders.TAG_NAME)
            String tagName,
            @Parameter(description = "The ETag the change is meant for") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            String body) {
        TenantId owner = CallerTenant.from(tenant);
        ChannelId id = existingChannel(channelId);
        ChannelBody request = ChannelBody.parse(jsonBody(contentType, body));
        ChannelChange change = new ChannelChange(request.name(), request.device(), tag(tagName));
        return withVersion(Response.ok(), channels.update(owner, id, change, VersionConditions.of(ifMatch)));
    }

    @DELETE
    @Path("/{channel_id}")
    @Operation(summary = "Delete a channel, or one of its tags",
            description = "Without X-TAGNAME: the channel and all its points. With X-TAGNAME: only that tag and its "
                    + "points. With If-Match, only when the version matches.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The tenant has no such channel, or the channel no such tag")
    @APIResponse(responseCode = "412", description = "If-Match does not match the channel's version")
    public Response delete(
            @Parameter(description = TENANT_DOC, required = true) @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @PathParam("channel_id") String channelId,
            @Parameter(description = "Delete only this tag and its points") @HeaderParam(StreamHeaders.TAG_NAME)
            String tagName,
            @Parameter(description = "The ETag the deletion is meant for") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @Context HttpHeaders headers) {
        TenantId owner = CallerTenant.from(tenant);
        ChannelId id = existingChannel(channelId);
        if (tagName == null && !headers.getRequestHeaders().containsKey(StreamHeaders.TAG_NAME)) {
            channels.delete(owner, id, VersionConditions.of(ifMatch));
        } else {
            Tag tag = tag(tagName).orElseThrow(() -> invalid(StreamHeaders.TAG_NAME,
                    "empty; leave the header out to delete the whole channel"));
            channels.deleteTag(owner, id, tag, VersionConditions.of(ifMatch));
        }
        return Response.noContent().build();
    }

    private static Response withVersion(Response.ResponseBuilder response, Channel channel) {
        return response.entity(ChannelResponse.withTags(channel)).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, VersionConditions.etag(channel.version())).build();
    }

    /** A channel id to create: an invalid one is refused (400). */
    private static ChannelId newId(String channelId) {
        if (!ChannelId.isValid(channelId)) {
            throw invalid("channel_id", "1-64 letters, digits, '_' or '-'");
        }
        return ChannelId.of(channelId);
    }

    private static boolean withTag(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(StreamHeaders.WITH_TAG, "true or false");
        };
    }

    /** A body must be JSON when there is one; an update may have none (e.g. only X-TAGNAME). */
    private static String jsonBody(String contentType, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (!isJson(contentType)) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "a channel update is application/json"));
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null
                    && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
