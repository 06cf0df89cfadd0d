package io.thingbus.gateway;

import static io.restassured.RestAssured.given;
import static io.thingbus.gateway.GatewayCalls.awaitAccepted;
import static io.thingbus.gateway.GatewayCalls.freshId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UpstreamFailuresProfile.class)
class UpstreamFailureIT {

    private String key;

    @BeforeEach
    void issueKey() {
        key = TestApiKeys.issue(TestApiKeys.freshTenant());
        awaitAccepted(key);
    }

    @Test
    void request_toServiceThatIsDown_isBadGatewayProblemWithGenericDetail() {
        String path = "/session/" + freshId("s");

        given().header("X-API-KEY", key).get(path).then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/bad-gateway"))
                .body("title", equalTo("Bad Gateway"))
                .body("status", equalTo(502))
                .body("detail", equalTo("the service behind this path is unavailable; retry later"))
                .body("instance", equalTo(path))
                .body(not(containsString("127.0.0.1")))
                .body(not(containsString("Exception")));
    }

    @Test
    void request_toServiceThatNeverAnswers_isGatewayTimeoutProblemAfterTheConfiguredTimeout() {
        String path = "/command/" + freshId("c");

        given().header("X-API-KEY", key).contentType("application/json").body("{\"cmd\":\"reboot\"}").post(path).then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/gateway-timeout"))
                .body("status", equalTo(504))
                .body("detail", equalTo("the service behind this path did not answer in time"))
                .body("instance", equalTo(path))
                .time(org.hamcrest.Matchers.lessThan(10_000L));
    }
}
