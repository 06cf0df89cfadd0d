package io.thingbus.gateway;

import static io.restassured.RestAssured.given;
import static io.thingbus.gateway.GatewayCalls.awaitAccepted;
import static io.thingbus.gateway.GatewayCalls.freshId;
import static io.thingbus.gateway.GatewayCalls.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.thingbus.contracts.TenantId;
import io.thingbus.gateway.RecordingUpstream.Received;
import io.thingbus.gateway.RecordingUpstream.Reply;
import io.thingbus.gateway.domain.Upstream;
import io.thingbus.testing.InfrastructureResource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RecordingUpstreamsResource.class, restrictToAnnotatedClass = false)
class GatewayRoutingIT {

    @TestHTTPResource("/")
    URL gateway;

    private TenantId tenant;
    private String key;

    @BeforeEach
    void issueKey() {
        tenant = TestApiKeys.freshTenant();
        key = TestApiKeys.issue(tenant);
        awaitAccepted(key);
    }

    @ParameterizedTest
    @CsvSource({
            "/device, DEVICE_SERVICE", "/user, DEVICE_SERVICE", "/stream, STREAM_SERVICE", "/channel, STREAM_SERVICE",
            "/event, EVENT_SERVICE", "/publish, COMMAND_SERVICE", "/command, COMMAND_SERVICE", "/rpc, COMMAND_SERVICE",
            "/session, SESSION_SERVICE"})
    void everyPrefix_isForwardedToItsServiceWithTheTenant(String prefix, Upstream service) {
        String path = prefix + "/" + freshId("x");

        given().header("X-API-KEY", key).get(path).then().statusCode(200).body("service", equalTo(service.serviceName()));

        assertThat(RecordingUpstreams.of(service).onlyRequestFor(path).header("X-Thingbus-Tenant")).contains(tenant.value());
    }

    @Test
    void admin_isForwardedWithoutApiKey_withTheAdminKeyAndWithoutAnyTenant() {
        String path = "/admin/users";
        String marker = freshId("op-");
        RecordingUpstream devices = RecordingUpstreams.of(Upstream.DEVICE_SERVICE);
        int before = devices.receivedFor(path).size();

        given().header("X-Admin-Key", "operator-secret-" + marker).header("X-Thingbus-Tenant", tenant.value())
                .contentType("application/json").body("{\"user_id\":\"" + marker + "\"}")
                .post(path).then().statusCode(200);

        Received received = devices.receivedFor(path).get(before);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.header("X-Admin-Key")).contains("operator-secret-" + marker);
        assertThat(received.header("X-Thingbus-Tenant")).isEmpty();
        assertThat(new String(received.body(), StandardCharsets.UTF_8)).contains(marker);
    }

    @Test
    void methodQueryHeadersAndBody_passThroughUnchanged() {
        String path = "/stream/" + freshId("C");
        String json = "{\"temperature\":21.5,\"note\":\"caf\u00e9\"}";

        given().header("X-API-KEY", key).header("X-STARTTIME", "2026-11-21 10:00").contentType("application/json")
                .urlEncodingEnabled(false).body(json)
                .put(path + "?tag=kitchen&q=a%20b&q=c").then().statusCode(200);

        Received received = RecordingUpstreams.of(Upstream.STREAM_SERVICE).onlyRequestFor(path);
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.uri()).isEqualTo(path + "?tag=kitchen&q=a%20b&q=c");
        assertThat(received.header("X-STARTTIME")).contains("2026-11-21 10:00");
        assertThat(received.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(received.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void largeChunkedBody_streamsThroughByteForByte() throws Exception {
        String path = "/stream/" + freshId("C");
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.toString()).resolve(path))
                .header("X-API-KEY", key).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Received received = RecordingUpstreams.of(Upstream.STREAM_SERVICE).onlyRequestFor(path);
        assertThat(received.header("Transfer-Encoding")).contains("chunked");
        assertThat(received.body()).isEqualTo(body);
    }

    @Test
    void bodyAfterExpectContinue_isForwarded() throws Exception {
        String path = "/publish/" + freshId("dev-");
        String json = "{\"led\":\"on\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.toString()).resolve(path))
                .header("X-API-KEY", key).header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Received received = RecordingUpstreams.of(Upstream.COMMAND_SERVICE).onlyRequestFor(path);
        assertThat(received.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(received.header("Expect")).isEmpty();
    }

    @Test
    void largeChunkedResponse_streamsBackByteForByte() {
        String path = "/stream/" + freshId("C");
        byte[] body = new byte[2 * 1024 * 1024 + 5];
        new Random(7).nextBytes(body);
        RecordingUpstreams.of(Upstream.STREAM_SERVICE).replyTo(path,
                new Reply(200, Map.of("Content-Type", "application/octet-stream"), body, true));

        Response response = given().header("X-API-KEY", key).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(response.asByteArray()).isEqualTo(body);
    }

    @Test
    void upstreamResponse_passesThroughWithStatusHeadersAndBody() {
        String path = "/event/" + freshId("e");
        String problem = "{\"type\":\"https://thingbus.io/problems/conflict\",\"title\":\"Conflict\",\"status\":409}";
        RecordingUpstreams.of(Upstream.EVENT_SERVICE).replyTo(path, new Reply(409,
                Map.of("Content-Type", "application/problem+json", "ETag", "\"7\"", "X-Event-Count", "3"),
                problem.getBytes(StandardCharsets.UTF_8)));

        Response response = given().header("X-API-KEY", key).post(path);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("ETag")).isEqualTo("\"7\"");
        assertThat(response.header("X-Event-Count")).isEqualTo("3");
        assertThat(response.asByteArray()).isEqualTo(problem.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createdResponse_keepsItsLocation() {
        String path = "/device/" + freshId("dev-");
        RecordingUpstreams.of(Upstream.DEVICE_SERVICE).replyTo(path,
                new Reply(201, Map.of("Location", path), new byte[0]));

        given().header("X-API-KEY", key).post(path).then().statusCode(201).header("Location", path);
    }

    @Test
    void unknownPrefix_isNotFoundProblem_andReachesNoService() {
        String path = "/devices/" + freshId("dev-");

        given().header("X-API-KEY", key).get(path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/not-found"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", notNullValue())
                .body("instance", equalTo(path));

        for (Upstream service : Upstream.values()) {
            assertThat(RecordingUpstreams.of(service).receivedFor(path)).isEmpty();
        }
    }

    @Test
    void dotSegments_cannotEscapeFromAdminIntoATenantRoute() throws IOException {
        String device = freshId("dev-");

        String statusLine = rawGet("/admin/../device/" + device);

        assertThat(statusLine).startsWith("HTTP/1.1 401");
        assertThat(RecordingUpstreams.of(Upstream.DEVICE_SERVICE).receivedFor("/device/" + device)).isEmpty();
    }

    @Test
    void gatewaysOwnEndpoints_areAnsweredByTheGatewayNotForwarded() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("X-API-KEY"));

        for (Upstream service : Upstream.values()) {
            assertThat(RecordingUpstreams.of(service).receivedFor("/q/health/live")).isEmpty();
        }
    }

    @Test
    void requests_areCountedByRouteAndStatus() {
        double before = metric("thingbus_gateway_requests_total", "route=\"/rpc\"", "status=\"401\"").orElse(0);

        given().get("/rpc/" + freshId("d")).then().statusCode(401);
        given().get("/rpc/" + freshId("d")).then().statusCode(401);

        assertThat(metric("thingbus_gateway_requests_total", "route=\"/rpc\"", "status=\"401\"",
                "upstream=\"command-service\"")).hasValue(before + 2);
    }

    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        }
    }
}
