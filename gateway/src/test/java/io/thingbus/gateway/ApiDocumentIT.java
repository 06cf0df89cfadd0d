package io.thingbus.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.thingbus.gateway.RecordingUpstream.Received;
import io.thingbus.gateway.domain.Upstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of services that document themselves ({@link DocumentingUpstreams}). Every test starts with
 * session-service down; a test that starts it takes it down again afterwards and waits until the served document,
 * rebuilt after the 1 s cache TTL, says so again, so that no test depends on the order or timing of another.
 */
@QuarkusTest
@TestProfile(ApiDocumentProfile.class)
class ApiDocumentIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNAVAILABLE = "x-thingbus-unavailable";
    private static final Duration REBUILT = Duration.ofSeconds(15);

    @AfterEach
    void takeSessionServiceDownAgain() {
        DocumentingUpstreams.stopSessionService();
        awaitDocument(document -> assertThat(document.get(UNAVAILABLE)).isEqualTo(read("[\"session-service\"]")));
    }

    @Test
    void document_needsNoApiKey_andHoldsExactlyThePathsTheGatewayRoutesToEachServiceThatAnswered() {
        awaitDocument(document -> assertThat(document.get(UNAVAILABLE)).isEqualTo(read("[\"session-service\"]")));
        Response response = given().get("/openapi");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode document = read(response.asByteArray());
        assertThat(fieldNames(document.get("paths"))).containsExactly(
                "/admin/users", "/device", "/device/{device_id}", "/event", "/rpc/{device_id}", "/stream/{channel}");
        assertThat(document.get(UNAVAILABLE)).isEqualTo(read("[\"session-service\"]"));
        assertThat(document.at("/servers/0/url").asText()).isEqualTo(ApiDocumentProfile.PUBLIC_URL);
        assertThat(document.at("/info/title").asText()).isEqualTo("Thingbus gateway");
        assertThat(fieldNames(document.at("/components/securitySchemes"))).contains("apiKey", "bearer", "adminKey");
        assertThat(document.get("tags").findValuesAsText("name")).containsExactly("Device", "Admin");
    }

    @Test
    void tenantHeader_isGoneEverywhere_andEveryOperationRequiresWhatTheGatewayChecksOnItsRoute() {
        String text = given().get("/openapi").then().statusCode(200).extract().asString();
        JsonNode document = read(text);

        assertThat(text).doesNotContainIgnoringCase("X-Thingbus-Tenant");
        assertThat(document.at("/paths/~1device~1{device_id}/get/parameters").findValuesAsText("name"))
                .containsExactly("device_id");
        assertThat(document.at("/paths/~1device/get").has("parameters")).isFalse();
        JsonNode apiKey = read("[{\"apiKey\": []}, {\"bearer\": []}]");
        assertThat(document.at("/paths/~1device/get/security")).isEqualTo(apiKey);
        assertThat(document.at("/paths/~1rpc~1{device_id}/post/security")).isEqualTo(apiKey);
        assertThat(document.at("/paths/~1admin~1users/post/security")).isEqualTo(read("[{\"adminKey\": []}]"));
        assertThat(document.at("/paths/~1event/get/responses/401/$ref").asText())
                .isEqualTo("#/components/responses/Unauthorized");
        assertThat(document.at("/paths/~1admin~1users/post/responses").has("401")).isFalse();
    }

    @Test
    void schemaThatClashesBetweenServices_isRenamedForTheLaterService_andItsReferenceFollows() {
        JsonNode document = read(given().get("/openapi").then().statusCode(200).extract().asByteArray());

        assertThat(document.at("/components/schemas/Page/properties").has("devices")).isTrue();
        assertThat(document.at("/components/schemas/stream-service_Page/properties").has("points")).isTrue();
        assertThat(responseSchemaRef(document, "/paths/~1device/get")).isEqualTo("#/components/schemas/Page");
        assertThat(responseSchemaRef(document, "/paths/~1stream~1{channel}/get"))
                .isEqualTo("#/components/schemas/stream-service_Page");
        assertThat(document.at("/components/schemas/Page/properties/devices/items/$ref").asText())
                .isEqualTo("#/components/schemas/Device");
    }

    @Test
    void services_areAskedForJsonAtTheirOwnAddress_withoutTheCallersCredentials() {
        RecordingUpstream events = DocumentingUpstreams.of(Upstream.EVENT_SERVICE);
        int before = events.receivedFor("/q/openapi").size();

        await().atMost(REBUILT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            given().header("X-API-KEY", "tbk_not-for-services").header("Authorization", "Bearer tbk_not-for-services")
                    .header("X-Thingbus-Tenant", "Umallory").get("/openapi").then().statusCode(200);
            assertThat(events.receivedFor("/q/openapi")).hasSizeGreaterThan(before);
        });

        List<Received> asked = events.receivedFor("/q/openapi");
        Received last = asked.get(asked.size() - 1);
        assertThat(last.method()).isEqualTo("GET");
        assertThat(last.uri()).isEqualTo("/q/openapi?format=json");
        assertThat(last.header("Accept")).contains("application/json");
        assertThat(asked).allSatisfy(request -> {
            assertThat(request.header("X-API-KEY")).isEmpty();
            assertThat(request.header("Authorization")).isEmpty();
            assertThat(request.header("X-Thingbus-Tenant")).isEmpty();
        });
    }

    @Test
    void yaml_isServedWhenAskedForByQueryOrAccept_andSaysWhatTheJsonSays() throws IOException {
        JsonNode json = read(given().get("/openapi").then().statusCode(200).extract().asByteArray());

        Response byQuery = given().queryParam("format", "yaml").get("/openapi");
        Response byAccept = given().accept("application/yaml").get("/openapi");

        for (Response yaml : List.of(byQuery, byAccept)) {
            assertThat(yaml.statusCode()).isEqualTo(200);
            assertThat(yaml.contentType()).startsWith("application/yaml");
            assertThat(yaml.header("Vary")).containsIgnoringCase("Accept");
            assertThat(new YAMLMapper().readTree(yaml.asByteArray())).isEqualTo(json);
        }
    }

    @Test
    void head_isAnsweredWithoutBody_andOtherMethodsAreRefusedWith405Problem() {
        Response head = given().head("/openapi");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.asByteArray()).isEmpty();

        given().post("/openapi").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET, HEAD")
                .body("type", equalTo("https://thingbus.io/problems/method-not-allowed"))
                .body("instance", equalTo("/openapi"));
    }

    @Test
    void serviceThatWasDown_joinsTheDocumentAtARefreshOnceItAnswers_andLeavesItWhenItIsGoneAgain() {
        DocumentingUpstreams.startSessionService();
        awaitDocument(document -> {
            assertThat(document.get("paths").has("/session")).isTrue();
            assertThat(document.has(UNAVAILABLE)).isFalse();
            assertThat(document.at("/paths/~1session/get").has("parameters")).isFalse();
        });

        DocumentingUpstreams.stopSessionService();

        awaitDocument(document -> {
            assertThat(document.get("paths").has("/session")).isFalse();
            assertThat(document.get(UNAVAILABLE)).isEqualTo(read("[\"session-service\"]"));
        });
    }

    /** Asks for the document until one served satisfies {@code expectation} (a rebuild may be due), and returns it. */
    private static JsonNode awaitDocument(Consumer<JsonNode> expectation) {
        JsonNode[] served = new JsonNode[1];
        await().atMost(REBUILT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            served[0] = read(given().get("/openapi").then().statusCode(200).extract().asByteArray());
            expectation.accept(served[0]);
        });
        return served[0];
    }

    private static String responseSchemaRef(JsonNode document, String operationPointer) {
        return document.at(operationPointer + "/responses/200/content/application~1json/schema/$ref").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
