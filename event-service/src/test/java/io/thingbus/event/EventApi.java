package io.thingbus.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The REST API as the gateway calls it: with {@code X-Thingbus-Tenant} set. */
final class EventApi {

    private EventApi() {
    }

    static RequestSpecification as(TenantId tenant) {
        return given().header(GatewayHeaders.TENANT, tenant.value()).contentType(ContentType.JSON);
    }

    /**
     * Registers the device on the device topic, then creates the event once the service has seen the device's channel
     * (until then it answers 400 unknown channel and creates nothing).
     */
    static ExtractableResponse<Response> createWhenChannelKnown(KafkaTestClient kafka, TestDevice device, String body) {
        kafka.send(device.registration());
        return createWhenChannelKnown(device, body);
    }

    /**
     * Creates the event once the service knows its channel (until then it answers 400 unknown channel and creates
     * nothing); the records announcing the channel are the caller's to send.
     */
    static ExtractableResponse<Response> createWhenChannelKnown(TestDevice device, String body) {
        AtomicReference<ExtractableResponse<Response>> created = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ExtractableResponse<Response> response = as(device.tenant).body(body).post("/event").then().extract();
            created.set(response);
            return response.statusCode() == 201;
        });
        return created.get();
    }

    /** A threshold rule {@code field operator threshold} on the device's channel, notifying the given targets. */
    static String thresholdRule(TestDevice device, String field, String operator, String threshold, String actions) {
        return """
                {"name": "%s %s %s", "channel_id": "%s", "field": "%s", "operator": "%s", "threshold": %s,
                 "actions": %s}
                """.formatted(field, operator, threshold, device.channel().value(), field, operator, threshold,
                actions);
    }
}
