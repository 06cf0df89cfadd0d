package io.thingbus.device;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters from {@code /q/metrics} as Prometheus scrapes them. */
final class Metrics {

    private Metrics() {
    }

    /** The value of counter {@code name} (e.g. {@code thingbus_device_lifecycle_malformed_total}); 0 when absent. */
    static double counter(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
