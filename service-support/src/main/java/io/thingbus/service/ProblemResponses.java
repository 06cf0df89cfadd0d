package io.thingbus.service;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

/**
 * What every service does with a problem once its mapper has chosen it, so the answer and the log line are the same
 * everywhere: the problem gets the request path as {@code instance}; a refusal (4xx) is the client's doing and is
 * logged at DEBUG without a stack trace; a failure (5xx) is the service's and is logged at ERROR with the cause and
 * its stack trace; a 503 tells the client when to try again ({@code Retry-After}). Only the log sees the cause: the
 * client gets the problem as it is. Stateless and thread-safe.
 */
public final class ProblemResponses {

    /** Seconds a client should wait before retrying a 503 (a database or Kafka that is down comes back in seconds). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final int SERVICE_UNAVAILABLE = 503;

    private ProblemResponses() {
    }

    /**
     * Logs the problem and answers with it.
     *
     * @param problem what the client is told, without {@code instance}
     * @param path the request path, which becomes {@code instance}; may be null (no request at hand)
     * @param cause what the problem was made from; logged only, may be null
     * @param log the logger of the mapper that chose the problem
     */
    public static Response respond(Problem problem, String path, Throwable cause, Logger log) {
        log(problem, path, cause, log);
        Response answer = problem.withInstance(path).toResponse();
        if (problem.status() != SERVICE_UNAVAILABLE) {
            return answer;
        }
        return Response.fromResponse(answer).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /**
     * Logs a problem without answering, for a caller that writes its own response (the gateway on Vert.x).
     *
     * @param request how the request shows in the line: its path, or method and path; may be null
     * @param cause what the problem was made from; may be null
     */
    public static void log(Problem problem, String request, Throwable cause, Logger log) {
        if (problem.status() >= 500) {
            log.error("request failed: " + request, cause);
        } else {
            log.debugf("request refused (%d): %s %s", problem.status(), request, reason(problem, cause));
        }
    }

    /** The path of the request {@code uriInfo} describes, with one leading slash; null without a request. */
    public static String path(UriInfo uriInfo) {
        return uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", "");
    }

    /** The detail the client got, then the cause's own message when it says more (the id that was not found). */
    static String reason(Problem problem, Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        if (message == null || message.equals(problem.detail())) {
            return problem.detail();
        }
        return problem.detail() + " (" + message + ")";
    }
}
