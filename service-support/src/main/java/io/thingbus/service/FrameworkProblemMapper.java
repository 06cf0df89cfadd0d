package io.thingbus.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * Turns what the framework and the API layer throw into problem+json: unknown paths, wrong methods, unreadable
 * bodies, {@link ProblemException}, and anything unexpected (500 with a generic detail; the cause is logged, never
 * sent). Each service maps its own domain exceptions in its own mapper; both answer through {@link ProblemResponses}.
 */
@Provider
public class FrameworkProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(FrameworkProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        return ProblemResponses.respond(problemFor(exception), ProblemResponses.path(uriInfo), exception, LOG);
    }

    static Problem problemFor(Throwable exception) {
        if (exception instanceof ProblemException known) {
            return known.problem();
        }
        if (exception instanceof JsonProcessingException || exception.getCause() instanceof JsonProcessingException) {
            return Problem.of(400, "malformed-body", "Malformed body", "the request body is not valid JSON of the expected shape");
        }
        if (exception instanceof WebApplicationException web) {
            return fromStatus(web.getResponse().getStatus());
        }
        return Problem.internalError();
    }

    static Problem fromStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.of(status, slug, title, title);
    }
}
