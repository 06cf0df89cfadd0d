package io.thingbus.session.api;

import io.thingbus.service.Problem;
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
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

    private static final ProblemTable<SessionException> PROBLEMS = ProblemTable.of(SessionException.class)
            .when(InvalidQueryException.class, e -> Problem.invalidField(e.field(), e.getMessage()))
            .when(StoreUnavailableException.class, e -> Problem.of(503, "store-unavailable", "Store unavailable",
                    "the session store is unavailable; retry later"))
            .otherwise(e -> Problem.internalError());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(SessionException exception) {
        return ProblemResponses.respond(problemFor(exception), ProblemResponses.path(uriInfo), exception, LOG);
    }

    static Problem problemFor(SessionException exception) {
        return PROBLEMS.problemFor(exception);
    }
}
