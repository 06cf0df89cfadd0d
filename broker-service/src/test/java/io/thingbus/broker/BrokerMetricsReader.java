package io.thingbus.broker;

import static io.restassured.RestAssured.given;

/** Reads one series of the service's Prometheus metrics, as an operator's scraper would. */
public final class BrokerMetricsReader {

    private BrokerMetricsReader() {
    }

    /** The value of the series whose line starts with {@code series} (name and labels), or 0 when absent. */
    public static double value(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst()
                .orElse(0);
    }
}
