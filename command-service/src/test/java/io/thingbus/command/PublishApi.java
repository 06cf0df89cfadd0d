package io.thingbus.command;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import java.util.function.Predicate;

/** Calls {@code POST /publish/{device_id}} as the gateway would, for one tenant. */
final class PublishApi {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private PublishApi() {
    }

    static RequestSpecification as(TenantId tenant) {
        return given().header(GatewayHeaders.TENANT, tenant.value()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static Response publish(TestDevice device, String body) {
        return as(device.tenant).body(body).post("/publish/{device_id}", device.id.value());
    }

    /**
     * Publishes until the service knows the device (it learns devices from Kafka): a 404 sends nothing, so only the
     * returned publish reached Kafka.
     */
    static JsonPath publishOnceKnown(TestDevice device, String body) {
        return publishUntil(device, body, answer -> true);
    }

    /** Publishes until the answer satisfies {@code condition} (every accepted try writes a record). */
    static JsonPath publishUntil(TestDevice device, String body, Predicate<JsonPath> condition) {
        return await().atMost(PATIENCE).until(() -> {
            Response response = publish(device, body);
            return response.statusCode() == 202 ? response.jsonPath() : null;
        }, answer -> answer != null && condition.test(answer));
    }
}
