package io.thingbus.stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.time.Duration;

/** The stream API as a gateway-authenticated caller uses it. */
final class StreamApi {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String ALL_TIME_START = "1970-01-01 00:00";
    static final String ALL_TIME_END = "9999-12-31 23:59";

    private StreamApi() {
    }

    static RequestSpecification as(TenantId tenant) {
        return given().header(GatewayHeaders.TENANT, tenant.value());
    }

    static RequestSpecification range(TenantId tenant, String start, String end) {
        return as(tenant).header("X-STARTTIME", start).header("X-ENDTIME", end);
    }

    /** Waits until the channel holds exactly {@code count} points of all time. */
    static void awaitPointCount(TenantId tenant, ChannelId channel, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> range(tenant, ALL_TIME_START, ALL_TIME_END)
                .get("/stream/{channel_id}", channel.value())
                .then().statusCode(200).body("count", equalTo(count)));
    }

    /** Waits until the tenant's channel list shows the channel. */
    static void awaitChannel(TenantId tenant, ChannelId channel) {
        await().atMost(PATIENCE).untilAsserted(() -> as(tenant).get("/channel")
                .then().statusCode(200).body("channel_id", hasItem(channel.value())));
    }
}
