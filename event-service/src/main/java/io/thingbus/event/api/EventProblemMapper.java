package io.thingbus.event.api;

import io.thingbus.event.domain.EventException;
import io.thingbus.event.domain.InvalidRuleException;
import io.thingbus.event.domain.StoreUnavailableException;
import io.thingbus.event.domain.UnknownChannelException;
import io.thingbus.event.domain.UnknownEventException;
import io.thingbus.event.domain.VersionMismatchException;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
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

    private static final Problem UNKNOWN_CHANNEL =
            Problem.invalidField("body.channel_id", "this tenant has no channel with that id");
    private static final Problem VERSION_MISMATCH = Problem.of(412, "version-mismatch", "Precondition failed",
            "the event was changed since the version in If-Match; read it again");
    private static final Problem STORE_UNAVAILABLE = Problem.of(503, "store-unavailable", "Store unavailable",
            "the event store is unavailable; retry later");

    private static final ProblemTable<EventException> PROBLEMS = ProblemTable.of(EventException.class)
            .when(InvalidRuleException.class, EventProblemMapper::invalidRule)
            .when(UnknownChannelException.class, e -> UNKNOWN_CHANNEL)
            .when(UnknownEventException.class,
                    e -> Problem.of(404, "event-not-found", "Event not found", e.getMessage()))
            .when(VersionMismatchException.class, e -> VERSION_MISMATCH)
            .when(StoreUnavailableException.class, e -> STORE_UNAVAILABLE)
            .otherwise(e -> Problem.internalError());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(EventException exception) {
        return ProblemResponses.respond(problemFor(exception), ProblemResponses.path(uriInfo), exception, LOG);
    }

    static Problem problemFor(EventException exception) {
        return PROBLEMS.problemFor(exception);
    }

    private static Problem invalidRule(InvalidRuleException invalid) {
        List<Problem.FieldViolation> violations = invalid.violations().stream()
                .map(v -> new Problem.FieldViolation(bodyField(v.field()), v.message())).toList();
        return Problem.invalid(detail(violations), violations);
    }

    private static String bodyField(String field) {
        return field.isEmpty() ? "body" : "body." + field;
    }

    private static String detail(List<Problem.FieldViolation> violations) {
        return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
