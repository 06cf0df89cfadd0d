package io.thingbus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.gateway.domain.ApiKeysNotLoadedException;
import io.thingbus.gateway.domain.MethodNotAllowedException;
import io.thingbus.gateway.domain.MissingApiKeyException;
import io.thingbus.gateway.domain.NoRouteException;
import io.thingbus.gateway.domain.RequestNotAdmittedException;
import io.thingbus.gateway.domain.UnknownApiKeyException;
import io.thingbus.gateway.domain.Upstream;
import io.thingbus.gateway.domain.UpstreamTimeoutException;
import io.thingbus.gateway.domain.UpstreamUnreachableException;
import io.thingbus.service.Problem;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayProblemMapperTest {

    @Test
    void refusals_becomeTheirClientErrors_withTheirReasonAsDetail() {
        assertThat(GatewayProblemMapper.problemFor(new NoRouteException("/nothing")))
                .satisfies(p -> assertProblem(p, 404, "not-found")).extracting(Problem::detail).asString().contains("/nothing");
        assertThat(GatewayProblemMapper.problemFor(new MissingApiKeyException("an API key is required")))
                .satisfies(p -> assertProblem(p, 401, "unauthorized")).extracting(Problem::detail).isEqualTo("an API key is required");
        assertProblem(GatewayProblemMapper.problemFor(new UnknownApiKeyException()), 401, "unauthorized");
        assertProblem(GatewayProblemMapper.problemFor(new RequestNotAdmittedException("slow down", Duration.ofSeconds(2))),
                429, "too-many-requests");
        assertThat(GatewayProblemMapper.problemFor(new MethodNotAllowedException("POST", "/openapi", java.util.List.of("GET", "HEAD"))))
                .satisfies(p -> assertProblem(p, 405, "method-not-allowed")).extracting(Problem::detail)
                .isEqualTo("/openapi answers GET, HEAD only, not POST");
    }

    @Test
    void failures_becomeServerErrors_thatNeverTellTheCause() {
        ConnectException cause = new ConnectException("Connection refused: /10.1.2.3:9102");

        Problem unreachable = GatewayProblemMapper.problemFor(new UpstreamUnreachableException(Upstream.DEVICE_SERVICE, cause));
        Problem timeout = GatewayProblemMapper.problemFor(new UpstreamTimeoutException(Upstream.EVENT_SERVICE, cause));
        Problem loading = GatewayProblemMapper.problemFor(new ApiKeysNotLoadedException());
        Problem unexpected = GatewayProblemMapper.problemFor(new IllegalStateException("boom at Foo.java:12"));

        assertProblem(unreachable, 502, "bad-gateway");
        assertProblem(timeout, 504, "gateway-timeout");
        assertProblem(loading, 503, "service-unavailable");
        assertProblem(unexpected, 500, "internal-error");
        assertThat(java.util.List.of(unreachable, timeout, loading, unexpected)).allSatisfy(p -> assertThat(p.detail())
                .doesNotContain("10.1.2.3", "device-service", "Exception", "Foo.java", "refused"));
    }

    @Test
    void retryAfter_isRoundedUpToWholeSeconds() {
        assertThat(GatewayProblemMapper.retryAfterSeconds(new RequestNotAdmittedException("x", Duration.ofMillis(1500)))).isEqualTo("2");
        assertThat(GatewayProblemMapper.retryAfterSeconds(new RequestNotAdmittedException("x", Duration.ZERO))).isEqualTo("0");
    }

    private static void assertProblem(Problem problem, int status, String slug) {
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.type()).isEqualTo("https://thingbus.io/problems/" + slug);
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.detail()).isNotBlank();
    }
}
