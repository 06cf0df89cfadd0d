package io.thingbus.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.UUID;

/** What the ITs do over and over against the gateway under test. */
final class GatewayCalls {

    private GatewayCalls() {
    }

    static String freshId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Waits until the gateway accepts {@code key}: it has read the key's record from Kafka. */
    static void awaitAccepted(String key) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> statusWithKey(key) != 401 && statusWithKey(key) != 503);
    }

    /** Waits until the gateway refuses {@code key} with 401: it has read the key's revocation. */
    static void awaitRefused(String key) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> statusWithKey(key) == 401);
    }

    private static int statusWithKey(String key) {
        return given().header("X-API-KEY", key).get("/session/probe").statusCode();
    }

    /**
     * The value of one Prometheus sample on {@code /q/metrics}: the first line of {@code metric} whose labels contain
     * every {@code name="value"} pair given.
     */
    static OptionalDouble metric(String metric, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
