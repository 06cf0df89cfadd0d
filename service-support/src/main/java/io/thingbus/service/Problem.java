package io.thingbus.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response of every REST slice
 * ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem ({@code https://thingbus.io/problems/<slug>})
 * @param errors field violations of a 400/422, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("status") int status,
        @JsonProperty("detail") String detail,
        @JsonProperty("instance") String instance,
        @JsonProperty("errors") List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://thingbus.io/problems/";

    /** One invalid input field: where it is ({@code header X-ENDTIME}, {@code body.name}) and what is wrong. */
    public record FieldViolation(@JsonProperty("field") String field, @JsonProperty("message") String message) {
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null);
    }

    /**
     * The answer to a failure nobody foresaw (500): a generic detail only, because the cause may name hosts, tables
     * or classes; the cause goes to the log.
     */
    public static Problem internalError() {
        return of(500, "internal-error", "Internal error", "the request could not be processed; it has been logged");
    }

    public static Problem invalid(String detail, List<FieldViolation> errors) {
        return new Problem(TYPE_BASE + "invalid-request", "Invalid request", 400, detail, null, List.copyOf(errors));
    }

    public static Problem invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldViolation(field, message)));
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    /** This problem naming the fields that are wrong ({@code errors}); null for none. */
    public Problem withErrors(List<FieldViolation> violations) {
        return new Problem(type, title, status, detail, instance, violations == null ? null : List.copyOf(violations));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
