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
 * sent). Each service maps its own domain exceptions in its own mapper.
 */
@Provider
public class FrameworkProblemMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(FrameworkProblemMapper.class);

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Exception exception) {
        Problem problem = problemFor(exception);
        if (problem.status() >= 500) {
            LOG.error("request failed: " + path(), exception);
        } else {
            LOG.debugf("request refused (%d): %s %s", problem.status(), path(), problem.detail());
        }
        return problem.withInstance(path()).toResponse();
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
        return Problem.of(500, "internal-error", "Internal error", "the request could not be processed; it has been logged");
    }

    static Problem fromStatus(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return Problem.of(status, slug, title, title);
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
