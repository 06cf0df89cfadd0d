package io.thingbus.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.launcher.LocalSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one OpenAPI document of the REST API, as a developer gets it from the gateway of the running suite: merged from
 * the real services' documents, with every routed slice, and without the internal tenant header.
 */
class RestApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSuite suite;

    @BeforeAll
    static void startSuite() {
        suite = RunningSuite.get();
    }

    @Test
    void gatewayServesOneDocument_withEverySlice_andNoInternalHeader() throws Exception {
        String body = given().baseUri(suite.gatewayUrl()).get("/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode document = JSON.readTree(body);

        assertThat(document.path("x-thingbus-unavailable").isMissingNode()).isTrue();
        List<String> paths = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/device", "/device/{device_id}", "/user", "/claim", "/publish/{device_id}",
                "/session", "/event", "/rpc/{device_id}");
        assertThat(paths).anyMatch(p -> p.startsWith("/stream/")).anyMatch(p -> p.startsWith("/channel"))
                .noneMatch(p -> p.startsWith("/q/"));
        assertThat(parameterNames(document)).isNotEmpty().doesNotContain(GatewayHeaders.TENANT);
        assertThat(document.path("components").path("securitySchemes").size()).isGreaterThan(0);
    }

    private static List<String> parameterNames(JsonNode document) {
        List<String> names = new ArrayList<>();
        document.findValues("parameters").forEach(list -> list.forEach(p -> names.add(p.path("name").asText())));
        return names;
    }
}
