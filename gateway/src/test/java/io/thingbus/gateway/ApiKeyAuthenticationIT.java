package io.thingbus.gateway;

import static io.restassured.RestAssured.given;
import static io.thingbus.gateway.GatewayCalls.awaitAccepted;
import static io.thingbus.gateway.GatewayCalls.awaitRefused;
import static io.thingbus.gateway.GatewayCalls.freshId;
import static io.thingbus.gateway.GatewayCalls.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ApiKeyRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.gateway.RecordingUpstream.Received;
import io.thingbus.gateway.domain.Upstream;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RecordingUpstreamsResource.class, restrictToAnnotatedClass = false)
class ApiKeyAuthenticationIT {

    private final RecordingUpstream devices = RecordingUpstreams.of(Upstream.DEVICE_SERVICE);

    @Test
    void request_withIssuedKeyInApiKeyHeader_isForwardedWithItsTenantAndWithoutTheKey() {
        TenantId tenant = TestApiKeys.freshTenant();
        String key = TestApiKeys.issue(tenant);
        awaitAccepted(key);
        String path = "/device/" + freshId("dev-");

        given().header("X-API-KEY", key).get(path).then().statusCode(200).body("service", equalTo("device-service"));

        Received received = devices.onlyRequestFor(path);
        assertThat(received.header("X-Thingbus-Tenant")).contains(tenant.value());
        assertThat(received.header("X-API-KEY")).isEmpty();
        assertThat(received.header("Authorization")).isEmpty();
    }

    @Test
    void request_withIssuedKeyAsBearerToken_isForwardedWithItsTenantAndWithoutTheKey() {
        TenantId tenant = TestApiKeys.freshTenant();
        String key = TestApiKeys.issue(tenant);
        awaitAccepted(key);
        String path = "/device/" + freshId("dev-");

        given().header("Authorization", "Bearer " + key).get(path).then().statusCode(200);

        Received received = devices.onlyRequestFor(path);
        assertThat(received.header("X-Thingbus-Tenant")).contains(tenant.value());
        assertThat(received.header("Authorization")).isEmpty();
    }

    @Test
    void request_withSpoofedTenantHeader_reachesTheServiceWithTheKeysTenantOnly() {
        TenantId tenant = TestApiKeys.freshTenant();
        TenantId victim = TestApiKeys.freshTenant();
        String key = TestApiKeys.issue(tenant);
        awaitAccepted(key);
        String path = "/device/" + freshId("dev-");

        given().header("X-API-KEY", key).header("X-Thingbus-Tenant", victim.value()).header("x-thingbus-tenant", victim.value())
                .get(path).then().statusCode(200);

        Received received = devices.onlyRequestFor(path);
        assertThat(received.headers().get("X-Thingbus-Tenant")).containsExactly(tenant.value());
    }

    @Test
    void request_withoutApiKey_isRefusedWith401ProblemAndNeverForwarded() {
        String path = "/device/" + freshId("dev-");

        given().header("X-Thingbus-Tenant", TestApiKeys.freshTenant().value()).get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"thingbus\"")
                .body("type", equalTo("https://thingbus.io/problems/unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("an API key is required: send it as X-API-KEY: <key> or Authorization: Bearer <key>"))
                .body("instance", equalTo(path));

        assertThat(devices.receivedFor(path)).isEmpty();
    }

    @Test
    void request_withUnknownApiKey_isRefusedWith401ProblemAndNeverForwarded() {
        awaitAccepted(TestApiKeys.issue(TestApiKeys.freshTenant()));
        String path = "/device/" + freshId("dev-");

        given().header("X-API-KEY", TestApiKeys.freshKey()).post(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"thingbus\"")
                .body("status", equalTo(401))
                .body("detail", equalTo("the API key is not valid"))
                .body("instance", equalTo(path));

        assertThat(devices.receivedFor(path)).isEmpty();
    }

    @Test
    void request_withBasicAuthorization_isRefusedWith401AskingForBearer() {
        String path = "/device/" + freshId("dev-");

        given().header("Authorization", "Basic dXNlcjpwYXNz").get(path).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"thingbus\"")
                .body("detail", equalTo("the Authorization header must carry the API key as Bearer <key>"));

        assertThat(devices.receivedFor(path)).isEmpty();
    }

    @Test
    void key_revokedByTombstone_isRefusedWithinMomentsAndNoLongerForwarded() {
        String key = TestApiKeys.issue(TestApiKeys.freshTenant());
        awaitAccepted(key);

        TestApiKeys.revoke(key);
        awaitRefused(key);
        String path = "/device/" + freshId("dev-");

        given().header("X-API-KEY", key).get(path).then().statusCode(401).contentType("application/problem+json");
        assertThat(devices.receivedFor(path)).isEmpty();
    }

    @Test
    void malformedKeyRecords_areCountedAndSkipped_andKeysIssuedAfterThemWork() {
        double before = metric("thingbus_gateway_api_keys_malformed_total").orElse(0);
        SecretHash hash = SecretHash.of(TestApiKeys.freshKey());
        TestApiKeys.send(hash.value(), "{\"plan\":".getBytes(StandardCharsets.UTF_8));
        TestApiKeys.send("not-a-hash", ApiKeyRecord.CODEC.encode(
                new ApiKeyRecord(hash, TestApiKeys.freshTenant(), "basic", Instant.now())));

        String key = TestApiKeys.issue(TestApiKeys.freshTenant());

        awaitAccepted(key);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> metric("thingbus_gateway_api_keys_malformed_total").orElse(0) >= before + 2);
    }

    @Test
    void readiness_isUpOnceTheApiKeysAreLoaded() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'api-keys' }.status", equalTo("UP")));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'api-key-feed' }.status", equalTo("UP"));
    }
}
