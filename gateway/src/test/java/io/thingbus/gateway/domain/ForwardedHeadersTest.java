package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    private static final TenantId TENANT = TenantId.of("Ualice");
    private static final ClientOrigin ORIGIN = new ClientOrigin("203.0.113.7", "api.example.com", "https");

    private static HeaderField h(String name, String value) {
        return new HeaderField(name, value);
    }

    @Test
    void towardsUpstream_dropsCredentialsAndSetsTheAuthenticatedTenant() {
        List<HeaderField> out = ForwardedHeaders.towardsUpstream(List.of(
                h("X-API-KEY", "secret"), h("authorization", "Bearer secret"),
                h("x-thingbus-tenant", "Umallory"), h("Accept", "application/json")), TENANT, ORIGIN);

        assertThat(out).extracting(HeaderField::name)
                .doesNotContain("X-API-KEY", "authorization", "x-thingbus-tenant");
        assertThat(out).filteredOn(f -> f.is("X-Thingbus-Tenant")).containsExactly(h("X-Thingbus-Tenant", "Ualice"));
        assertThat(out).contains(h("Accept", "application/json"));
    }

    @Test
    void towardsUpstream_onOperatorRoute_sendsNoTenantButKeepsTheAdminKey() {
        List<HeaderField> out = ForwardedHeaders.towardsUpstream(List.of(
                h("X-Admin-Key", "operator-secret"), h("X-Thingbus-Tenant", "Umallory")), null, ORIGIN);

        assertThat(out).contains(h("X-Admin-Key", "operator-secret"));
        assertThat(out).noneMatch(f -> f.is("X-Thingbus-Tenant"));
    }

    @Test
    void towardsUpstream_dropsHopByHopHostAndExpect_andHeadersNamedInConnection() {
        List<HeaderField> out = ForwardedHeaders.towardsUpstream(List.of(
                h("Connection", "keep-alive, X-Private"), h("Keep-Alive", "timeout=5"), h("Transfer-Encoding", "chunked"),
                h("TE", "trailers"), h("Upgrade", "h2c"), h("Proxy-Authorization", "Basic x"), h("Host", "api.example.com"),
                h("Expect", "100-continue"), h("X-Private", "hop"), h("Content-Length", "12"), h("Content-Type", "text/plain")),
                TENANT, ORIGIN);

        assertThat(out).extracting(HeaderField::name).containsExactly(
                "Content-Length", "Content-Type", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
                "X-Thingbus-Tenant");
    }

    @Test
    void towardsUpstream_appendsTheCallerToForwardedFor_andKeepsHostAndProtoAProxySet() {
        List<HeaderField> out = ForwardedHeaders.towardsUpstream(List.of(
                h("X-Forwarded-For", "198.51.100.1"), h("X-Forwarded-For", "198.51.100.2"),
                h("X-Forwarded-Host", "public.example.com"), h("X-Forwarded-Proto", "https")),
                TENANT, new ClientOrigin("10.0.0.5", "gateway:8080", "http"));

        assertThat(out).contains(h("X-Forwarded-For", "198.51.100.1, 198.51.100.2, 10.0.0.5"),
                h("X-Forwarded-Host", "public.example.com"), h("X-Forwarded-Proto", "https"));
        assertThat(out).filteredOn(f -> f.is("X-Forwarded-Host")).hasSize(1);
    }

    @Test
    void towardsUpstream_keepsRepeatedHeadersInOrder() {
        List<HeaderField> out = ForwardedHeaders.towardsUpstream(List.of(
                h("X-Tag", "a"), h("Accept", "*/*"), h("X-Tag", "b")), TENANT, ORIGIN);

        assertThat(out).filteredOn(f -> f.is("X-Tag")).extracting(HeaderField::value).containsExactly("a", "b");
    }

    @Test
    void towardsCaller_dropsOnlyHopByHopHeaders() {
        List<HeaderField> out = ForwardedHeaders.towardsCaller(List.of(
                h("Connection", "close"), h("Transfer-Encoding", "chunked"), h("Set-Cookie", "a=1"), h("Set-Cookie", "b=2"),
                h("Location", "/device/d1"), h("Content-Type", "application/problem+json"), h("WWW-Authenticate", "x")));

        assertThat(out).containsExactly(h("Set-Cookie", "a=1"), h("Set-Cookie", "b=2"), h("Location", "/device/d1"),
                h("Content-Type", "application/problem+json"), h("WWW-Authenticate", "x"));
    }
}
