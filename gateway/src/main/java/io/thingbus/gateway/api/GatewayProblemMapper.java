package io.thingbus.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.gateway.domain.ApiKeysNotLoadedException;
import io.thingbus.gateway.domain.MethodNotAllowedException;
import io.thingbus.gateway.domain.MissingApiKeyException;
import io.thingbus.gateway.domain.NoRouteException;
import io.thingbus.gateway.domain.RequestNotAdmittedException;
import io.thingbus.gateway.domain.UnknownApiKeyException;
import io.thingbus.gateway.domain.UpstreamTimeoutException;
import io.thingbus.gateway.domain.UpstreamUnreachableException;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemResponses;
import io.thingbus.service.ProblemTable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The gateway's one mapping from failures to RFC 9457 {@code application/problem+json} answers. Refusals (4xx) are
 * logged at DEBUG without stack trace; failures (5xx) at ERROR, and the caller gets a generic detail only. Never sends
 * class names or stack traces. Thread-safe; called on event loops.
 */
@Singleton
public class GatewayProblemMapper {

    static final String WWW_AUTHENTICATE = "Bearer realm=\"thingbus\"";

    private static final Logger LOG = Logger.getLogger(GatewayProblemMapper.class);
    private static final String API_KEYS_RETRY_SECONDS = "1";

    private static final Problem API_KEYS_NOT_LOADED = Problem.of(503, "service-unavailable", "Service Unavailable",
            "the gateway is starting and cannot check API keys yet; retry shortly");
    private static final Problem BAD_GATEWAY = Problem.of(502, "bad-gateway", "Bad Gateway",
            "the service behind this path is unavailable; retry later");
    private static final Problem GATEWAY_TIMEOUT = Problem.of(504, "gateway-timeout", "Gateway Timeout",
            "the service behind this path did not answer in time");

    private static final ProblemTable<Throwable> PROBLEMS = ProblemTable.of(Throwable.class)
            .when(NoRouteException.class, e -> Problem.of(404, "not-found", "Not Found", e.getMessage()))
            .when(MethodNotAllowedException.class,
                    e -> Problem.of(405, "method-not-allowed", "Method Not Allowed", e.getMessage()))
            .when(MissingApiKeyException.class, GatewayProblemMapper::unauthorized)
            .when(UnknownApiKeyException.class, GatewayProblemMapper::unauthorized)
            .when(RequestNotAdmittedException.class,
                    e -> Problem.of(429, "too-many-requests", "Too Many Requests", e.getMessage()))
            .when(ApiKeysNotLoadedException.class, e -> API_KEYS_NOT_LOADED)
            .when(UpstreamUnreachableException.class, e -> BAD_GATEWAY)
            .when(UpstreamTimeoutException.class, e -> GATEWAY_TIMEOUT)
            .otherwise(e -> Problem.internalError());

    private final ObjectMapper json;

    public GatewayProblemMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The problem a failure becomes, without {@code instance}. */
    static Problem problemFor(Throwable failure) {
        return PROBLEMS.problemFor(failure);
    }

    /**
     * Answers the request of {@code ctx} with the problem {@code failure} becomes. Only logs when the caller already
     * received a response head, and only at DEBUG when the caller is gone.
     */
    public void respond(RoutingContext ctx, Throwable failure) {
        HttpServerResponse out = ctx.response();
        if (out.closed()) {
            LOG.debugf("%s %s ended: the caller went away (%s)", ctx.request().method(), ctx.normalizedPath(), failure);
            return;
        }
        Problem problem = problemFor(failure).withInstance(ctx.normalizedPath());
        log(ctx, problem, failure);
        if (out.headWritten()) {
            return;
        }
        out.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        addAdvice(out, failure);
        out.end(encode(problem));
    }

    private static void addAdvice(HttpServerResponse out, Throwable failure) {
        if (failure instanceof MissingApiKeyException || failure instanceof UnknownApiKeyException) {
            out.putHeader("WWW-Authenticate", WWW_AUTHENTICATE);
        } else if (failure instanceof RequestNotAdmittedException e) {
            out.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(e));
        } else if (failure instanceof MethodNotAllowedException e) {
            out.putHeader(HttpHeaders.ALLOW, String.join(", ", e.allowed()));
        } else if (failure instanceof ApiKeysNotLoadedException) {
            out.putHeader(HttpHeaders.RETRY_AFTER, API_KEYS_RETRY_SECONDS);
        }
    }

    static String retryAfterSeconds(RequestNotAdmittedException refusal) {
        long millis = refusal.retryAfter().toMillis();
        return Long.toString((millis + 999) / 1000);
    }

    private static Problem unauthorized(Throwable refusal) {
        return Problem.of(401, "unauthorized", "Unauthorized", refusal.getMessage());
    }

    /**
     * Logs as every service does ({@link ProblemResponses#log}), except that a 502, 503 or 504 is a state the gateway
     * names itself (an upstream down or slow, API keys not loaded yet): ERROR with its message, a stack trace would
     * tell nothing more.
     */
    private static void log(RoutingContext ctx, Problem problem, Throwable failure) {
        String request = ctx.request().method() + " " + ctx.normalizedPath();
        if (problem.status() > 500) {
            LOG.errorf("failed %s (%d): %s", request, problem.status(), failure.getMessage());
        } else {
            ProblemResponses.log(problem, request, failure, LOG);
        }
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Problem is always serialisable", e);
        }
    }
}
