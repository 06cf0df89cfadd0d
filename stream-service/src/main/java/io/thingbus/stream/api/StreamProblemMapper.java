package io.thingbus.stream.api;

import io.thingbus.service.Problem;
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
import io.thingbus.stream.domain.ChannelAlreadyExistsException;
import io.thingbus.stream.domain.ChannelNotFoundException;
import io.thingbus.stream.domain.DeviceNotFoundException;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.StreamException;
import io.thingbus.stream.domain.TagNotFoundException;
import io.thingbus.stream.domain.TooManyBucketsException;
import io.thingbus.stream.domain.VersionMismatchException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one mapper of the stream service's domain exceptions to problem+json: unknown channel, device or tag → 404, a
 * channel id taken → 409, an {@code If-Match} that does not match → 412, a point that cannot be stored or an
 * aggregation over too many intervals → 400, store down → 503 with {@code Retry-After}. 4xx are logged at DEBUG, 5xx
 * at ERROR; the client never sees a stack trace or a database message.
 */
@Provider
public class StreamProblemMapper implements ExceptionMapper<StreamException> {

    private static final Logger LOG = Logger.getLogger(StreamProblemMapper.class);

    private static final Problem CHANNEL_NOT_FOUND = Problem.of(404, "channel-not-found", "Channel not found",
            "this tenant has no channel with that id");
    private static final Problem DEVICE_NOT_FOUND = withField(Problem.of(404, "device-not-found", "Device not found",
            "this tenant has no device with that id"), "body.device_id");
    private static final Problem TAG_NOT_FOUND = Problem.of(404, "tag-not-found", "Tag not found",
            "the channel neither knows this tag nor holds points of it");
    private static final Problem CHANNEL_EXISTS = Problem.of(409, "channel-exists", "Channel already exists",
            "this tenant already has a channel with that id");
    private static final Problem VERSION_MISMATCH = Problem.of(412, "precondition-failed", "Precondition failed",
            "the channel has changed since it was read (If-Match); read it again and retry");
    private static final Problem STORE_UNAVAILABLE = Problem.of(503, "store-unavailable", "Store unavailable",
            "the time-series store is unavailable; retry later");

    private static final ProblemTable<StreamException> PROBLEMS = ProblemTable.of(StreamException.class)
            .when(ChannelNotFoundException.class, e -> CHANNEL_NOT_FOUND)
            .when(DeviceNotFoundException.class, e -> DEVICE_NOT_FOUND)
            .when(TagNotFoundException.class, e -> TAG_NOT_FOUND)
            .when(ChannelAlreadyExistsException.class, e -> CHANNEL_EXISTS)
            .when(VersionMismatchException.class, e -> VERSION_MISMATCH)
            .when(InvalidPointException.class, e -> withField(Problem.invalid(e.getMessage(), List.of()), "body"))
            .when(TooManyBucketsException.class,
                    e -> withField(Problem.invalid("interval: " + e.getMessage(), List.of()), "interval"))
            .when(StoreUnavailableException.class, e -> STORE_UNAVAILABLE)
            .otherwise(e -> Problem.internalError());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(StreamException exception) {
        return ProblemResponses.respond(problemFor(exception), ProblemResponses.path(uriInfo), exception, LOG);
    }

    static Problem problemFor(StreamException exception) {
        return PROBLEMS.problemFor(exception);
    }

    /** The problem with one field violation that repeats its detail (after the field name, if it leads). */
    private static Problem withField(Problem problem, String field) {
        String message = problem.detail().startsWith(field + ": ")
                ? problem.detail().substring(field.length() + 2) : problem.detail();
        return problem.withErrors(List.of(new Problem.FieldViolation(field, message)));
    }
}
