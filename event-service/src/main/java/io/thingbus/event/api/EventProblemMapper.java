package io.thingbus.event.api;

import io.thingbus.event.domain.EventException;
import io.thingbus.event.domain.InvalidRuleException;
import io.thingbus.event.domain.StoreUnavailableException;
import io.thingbus.event.domain.UnknownChannelException;
import io.thingbus.event.domain.UnknownEventException;
import io.thingbus.event.domain.VersionMismatchException;
import io.thingbus.service.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The one mapper of the event service's domain exceptions to problem+json: an invalid rule or unknown channel → 400
 * naming the fields ({@code body.operator}), an unknown (or another tenant's) event → 404, a stale {@code If-Match} →
 * 412, the database down → 503 with {@code Retry-After}. 4xx are logged at DEBUG, 5xx at ERROR; the client never sees
 * a stack trace or a database message.
 */
@Provider
public class EventProblemMapper implements ExceptionMapper<EventException> {

    private static final Logger LOG = Logger.getLogger(EventProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(EventException exception) {
        Problem problem = problemFor(exception).withInstance(path());
        if (problem.status() >= 500) {
            LOG.error("request failed: " + path(), exception);
            return Response.fromResponse(problem.toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.debugf("request refused (%d): %s %s", problem.status(), path(), problem.detail());
        return problem.toResponse();
    }

    static Problem problemFor(EventException exception) {
        if (exception instanceof InvalidRuleException invalid) {
            List<Problem.FieldViolation> violations = invalid.violations().stream()
                    .map(v -> new Problem.FieldViolation(bodyField(v.field()), v.message())).toList();
            return Problem.invalid(detail(violations), violations);
        }
        if (exception instanceof UnknownChannelException) {
            return Problem.invalidField("body.channel_id", "this tenant has no channel with that id");
        }
        if (exception instanceof UnknownEventException) {
            return Problem.of(404, "event-not-found", "Event not found", exception.getMessage());
        }
        if (exception instanceof VersionMismatchException) {
            return Problem.of(412, "version-mismatch", "Precondition failed",
                    "the event was changed since the version in If-Match; read it again");
        }
        if (exception instanceof StoreUnavailableException) {
            return Problem.of(503, "store-unavailable", "Store unavailable",
                    "the event store is unavailable; retry later");
        }
        return Problem.of(500, "internal-error", "Internal error",
                "the request could not be processed; it has been logged");
    }

    private static String bodyField(String field) {
        return field.isEmpty() ? "body" : "body." + field;
    }

    private static String detail(List<Problem.FieldViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }

    private String path() {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }
}
