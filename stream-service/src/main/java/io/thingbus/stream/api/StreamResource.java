package io.thingbus.stream.api;

import static io.thingbus.stream.api.RequestValues.existingChannel;
import static io.thingbus.stream.api.RequestValues.invalid;
import static io.thingbus.stream.api.RequestValues.tag;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.service.CallerTenant;
import io.thingbus.stream.config.StreamApiConfig;
import io.thingbus.stream.domain.AggregateQuery;
import io.thingbus.stream.domain.Aggregation;
import io.thingbus.stream.domain.BucketInterval;
import io.thingbus.stream.domain.PayloadDecoder;
import io.thingbus.stream.domain.RangeStart;
import io.thingbus.stream.domain.StreamQuery;
import io.thingbus.stream.domain.StreamService;
import io.thingbus.stream.domain.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /stream/{channel_id}}: read a channel's points by time range (or aggregated per interval), and write points
 * over HTTP.
 */
@Path("/stream/{channel_id}")
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Streams")
public class StreamResource {

    private final StreamService service;
    private final StreamApiConfig config;
    private final TimeHeaderParser times = new TimeHeaderParser();
    private final PointBodyParser bodies;

    @Inject
    public StreamResource(StreamService service, StreamApiConfig config, PayloadDecoder decoder) {
        this.service = service;
        this.config = config;
        this.bodies = new PointBodyParser(decoder, times);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retrieve a channel's points, or aggregate them",
            description = "Points from X-STARTTIME to X-ENDTIME, both inclusive, in time order. X-STARTTIME 'last' "
                    + "returns only the newest point at or before X-ENDTIME. When more points match than 'limit', "
                    + "'next' holds the X-STARTTIME of the following page. With 'aggregate' and 'interval', one row "
                    + "per interval that holds points, with the aggregate of each numeric field.")
    @APIResponse(responseCode = "200", description = "A page of points, or of aggregated intervals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    oneOf = {StreamPageResponse.class, AggregatePageResponse.class})))
    @APIResponse(responseCode = "400", description = "A missing or invalid header, limit, aggregate or interval; "
            + "an aggregation over too many intervals")
    @APIResponse(responseCode = "401", description = "No authenticated tenant")
    @APIResponse(responseCode = "404", description = "The tenant has no such channel")
    public Response read(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @PathParam("channel_id") String channelId,
            @Parameter(description = "'YYYY-MM-DD hh:mm' (UTC), an ISO-8601 instant, 'last', or a 'next' cursor",
                    required = true)
            @HeaderParam(StreamHeaders.START_TIME) String startTime,
            @Parameter(description = "'YYYY-MM-DD hh:mm' (UTC) or an ISO-8601 instant; inclusive", required = true)
            @HeaderParam(StreamHeaders.END_TIME) String endTime,
            @Parameter(description = "Only points of this tag; without it, the points of every tag")
            @HeaderParam(StreamHeaders.TAG_NAME) String tagName,
            @Parameter(description = "The most points (or intervals) in one page: 1 to the configured maximum")
            @QueryParam("limit") String limit,
            @Parameter(description = "avg, min, max or count of each numeric field per interval")
            @QueryParam("aggregate") String aggregate,
            @Parameter(description = "The interval length with 'aggregate': 30s, 1m, 5m, 1h, 1d, ...")
            @QueryParam("interval") String interval) {
        TenantId owner = CallerTenant.from(tenant);
        ChannelId channel = existingChannel(channelId);
        TimeHeaderParser.TimeRange range = times.range(startTime, endTime);
        if (aggregate != null || interval != null) {
            AggregateQuery query = new AggregateQuery(owner, channel, tag(tagName), aggregation(aggregate),
                    interval(interval), aggregationStart(range), range.end(), limit(limit));
            return Response.ok(AggregatePageResponse.of(service.aggregate(query))).build();
        }
        StreamQuery query = new StreamQuery(owner, channel, tag(tagName), range.start(), range.end(), limit(limit));
        return Response.ok(StreamPageResponse.of(service.read(query))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write points to a channel",
            description = "Body: a JSON object (one point at the current time), a number (stored as value1), "
                    + "{\"time\": \"...\", \"values\": {...}}, or an array of those. All or nothing.")
    @APIResponse(responseCode = "204", description = "All points were stored")
    @APIResponse(responseCode = "400", description = "An invalid body or header")
    @APIResponse(responseCode = "401", description = "No authenticated tenant")
    @APIResponse(responseCode = "404", description = "The tenant has no such channel")
    public Response write(
            @Parameter(description = "The authenticated tenant, set by the gateway", required = true)
            @HeaderParam(GatewayHeaders.TENANT) String tenant,
            @PathParam("channel_id") String channelId,
            @Parameter(description = "The tag of the written points")
            @HeaderParam(StreamHeaders.TAG_NAME) String tagName,
            String body) {
        TenantId owner = CallerTenant.from(tenant);
        ChannelId channel = existingChannel(channelId);
        Optional<Tag> tag = tag(tagName);
        service.write(owner, channel, tag, bodies.parse(body, config.maxWritePoints()));
        return Response.noContent().build();
    }

    private static Aggregation aggregation(String aggregate) {
        if (aggregate == null || aggregate.isBlank()) {
            throw invalid("aggregate", "required with interval: avg, min, max or count");
        }
        try {
            return Aggregation.of(aggregate.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("aggregate", e.getMessage());
        }
    }

    private static BucketInterval interval(String interval) {
        if (interval == null || interval.isBlank()) {
            throw invalid("interval", "required with aggregate: a whole number and a unit, such as 1m, 5m, 1h, 1d");
        }
        try {
            return BucketInterval.parse(interval);
        } catch (IllegalArgumentException e) {
            throw invalid("interval", e.getMessage());
        }
    }

    /** An aggregation starts at a time: 'last' and cursors are for lists of points. */
    private static Instant aggregationStart(TimeHeaderParser.TimeRange range) {
        if (range.start() instanceof RangeStart.At at) {
            return at.time();
        }
        throw invalid(StreamHeaders.START_TIME, "with aggregate, a time ('last' and cursors list points)");
    }

    private int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.defaultLimit();
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= config.maxLimit()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("limit", "a whole number from 1 to " + config.maxLimit());
    }
}
