package io.thingbus.session.api;

import io.thingbus.service.Problem;
import io.thingbus.session.domain.InvalidQueryException;
import io.thingbus.session.domain.SessionException;
import io.thingbus.session.domain.StoreUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one mapper of the session service's domain exceptions to problem+json: an invalid query → 400, database down
 * → 503 with {@code Retry-After}. 4xx are logged at DEBUG, 5xx at ERROR; the client never sees a stack trace or a
 * database message.
 */
@Provider
public class SessionProblemMapper implements ExceptionMapper<SessionException> {

    private static final Logger LOG = Logger.getLogger(SessionProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(SessionException exception) {
        Problem problem = problemFor(exception).withInstance(path());
        if (problem.status() >= 500) {
            LOG.error("request failed: " + path(), exception);
            return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.debugf("request refused (%d): %s %s", problem.status(), path(), problem.detail());
        return problem.toResponse();
    }

    static Problem problemFor(SessionException exception) {
        if (exception instanceof InvalidQueryException invalid) {
            return Problem.invalidField(invalid.field(), invalid.getMessage());
        }
        if (exception instanceof StoreUnavailableException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the session store is unavailable; retry later");
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be processed; it has been logged");
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
