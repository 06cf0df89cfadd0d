package io.thingbus.stream.api;

import io.thingbus.service.Problem;
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
    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(StreamException exception) {
        Problem problem = problemFor(exception).withInstance(path());
        if (problem.status() >= 500) {
            LOG.error("request failed: " + path(), exception);
            return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.debugf("request refused (%d): %s %s", problem.status(), path(), problem.detail());
        return problem.toResponse();
    }

    static Problem problemFor(StreamException exception) {
        if (exception instanceof ChannelNotFoundException) {
            return Problem.of(404, "channel-not-found", "Channel not found",
                    "this tenant has no channel with that id");
        }
        if (exception instanceof DeviceNotFoundException) {
            return withField(Problem.of(404, "device-not-found", "Device not found",
                    "this tenant has no device with that id"), "body.device_id");
        }
        if (exception instanceof TagNotFoundException) {
            return Problem.of(404, "tag-not-found", "Tag not found",
                    "the channel neither knows this tag nor holds points of it");
        }
        if (exception instanceof ChannelAlreadyExistsException) {
            return Problem.of(409, "channel-exists", "Channel already exists",
                    "this tenant already has a channel with that id");
        }
        if (exception instanceof VersionMismatchException) {
            return Problem.of(412, "precondition-failed", "Precondition failed",
                    "the channel has changed since it was read (If-Match); read it again and retry");
        }
        if (exception instanceof InvalidPointException) {
            return withField(Problem.invalid(exception.getMessage(), List.of()), "body");
        }
        if (exception instanceof TooManyBucketsException) {
            return withField(Problem.invalid("interval: " + exception.getMessage(), List.of()), "interval");
        }
        if (exception instanceof StoreUnavailableException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the time-series store is unavailable; retry later");
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be processed; it has been logged");
    }

    /** The problem with one field violation that repeats its detail (after the field name, if it leads). */
    private static Problem withField(Problem problem, String field) {
        String message = problem.detail().startsWith(field + ": ")
                ? problem.detail().substring(field.length() + 2) : problem.detail();
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), null,
                List.of(new Problem.FieldViolation(field, message)));
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
