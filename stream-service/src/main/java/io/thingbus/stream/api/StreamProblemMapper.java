package io.thingbus.stream.api;

import io.thingbus.service.Problem;
import io.thingbus.stream.domain.ChannelNotFoundException;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.StoreUnavailableException;
import io.thingbus.stream.domain.StreamException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one mapper of the stream service's domain exceptions to problem+json: unknown channel → 404, a point that
 * cannot be stored → 400, store down → 503 with {@code Retry-After}. 4xx are logged at DEBUG, 5xx at ERROR; the client
 * never sees a stack trace or a database message.
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
        if (exception instanceof InvalidPointException) {
            return Problem.invalid(exception.getMessage(),
                    List.of(new Problem.FieldViolation("body", exception.getMessage())));
        }
        if (exception instanceof StoreUnavailableException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the time-series store is unavailable; retry later");
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be processed; it has been logged");
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
