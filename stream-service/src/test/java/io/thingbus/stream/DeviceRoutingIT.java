package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.awaitPointCount;
import static io.thingbus.stream.StreamApi.range;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.thingbus.contracts.ChannelId;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which channel a device's telemetry lands in: the one its {@code DeviceRecord} names when the tenant has it, else
 * the device's default channel.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class DeviceRoutingIT extends TelemetryProducerFixture {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final ChannelId GREENHOUSE = ChannelId.of("greenhouse");

    @Inject
    DataSource dataSource;

    private DeviceRegistry registry;
    private final Telemetry device = new Telemetry();

    @BeforeEach
    void registerDevice() {
        registry = new DeviceRegistry(dataSource);
        registry.register(device.tenant, device.device);
    }

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    @Test
    void deviceRecordNamingAUserChannel_sendsTheDevicesNextTelemetryThere() {
        telemetry.send(device.json(T0, "{\"n\":1}"));
        awaitPointCount(device.tenant, device.channel(), 1);
        createChannel(GREENHOUSE);

        registry.assign(device.tenant, device.device, GREENHOUSE);
        telemetry.send(device.json(T0.plusSeconds(60), "soil", "{\"n\":2}"));

        awaitPointCount(device.tenant, GREENHOUSE, 1);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", GREENHOUSE.value())
                .then().statusCode(200)
                .body("points.values.n", contains(2))
                .body("points.tag", contains("soil"));
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points.values.n", contains(1));
        as(device.tenant).get("/channel/{channel_id}", GREENHOUSE.value()).then().body("tags", contains("soil"));
    }

    @Test
    void deviceRecordNamingAChannelTheTenantDoesNotHave_keepsTelemetryInTheDefaultChannel() {
        Telemetry other = new Telemetry();
        registry.register(other.tenant, other.device);
        as(other.tenant).contentType("application/json").body("{\"device_id\":\"" + other.device + "\"}")
                .post("/channel/{channel_id}", GREENHOUSE.value()).then().statusCode(201);

        registry.assign(device.tenant, device.device, GREENHOUSE);
        telemetry.send(device.json(T0, "{\"n\":1}"));

        awaitPointCount(device.tenant, device.channel(), 1);
        range(other.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", GREENHOUSE.value())
                .then().statusCode(200).body("count", equalTo(0));
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", GREENHOUSE.value())
                .then().statusCode(404);
    }

    @Test
    void afterTheNamedChannelIsDeleted_telemetryGoesBackToTheDefaultChannel() {
        createChannel(GREENHOUSE);
        registry.assign(device.tenant, device.device, GREENHOUSE);
        telemetry.send(device.json(T0, "{\"n\":1}"));
        awaitPointCount(device.tenant, GREENHOUSE, 1);

        as(device.tenant).delete("/channel/{channel_id}", GREENHOUSE.value()).then().statusCode(204);
        telemetry.send(device.json(T0.plusSeconds(60), "{\"n\":2}"));

        awaitPointCount(device.tenant, device.channel(), 1);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().body("points.values.n", contains(2));
    }

    @Test
    void afterTheDeviceIsDeletedFromTheRegistry_itsTelemetryGoesToItsDefaultChannel() {
        createChannel(GREENHOUSE);
        registry.assign(device.tenant, device.device, GREENHOUSE);
        registry.delete(device.tenant, device.device);

        telemetry.send(device.json(T0, "{\"n\":1}"));

        awaitPointCount(device.tenant, device.channel(), 1);
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", GREENHOUSE.value())
                .then().statusCode(200).body("count", equalTo(0));
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + device.device + "\"}")
                .post("/channel/{channel_id}", "another").then().statusCode(404);
    }

    @Test
    void malformedDeviceRecord_isSkippedAndCounted_andTheFollowingRecordIsApplied() {
        double before = malformedCount();
        createChannel(GREENHOUSE);

        registry.sendBroken(device.tenant, device.device, "{\"tenant\":".getBytes(StandardCharsets.UTF_8));
        registry.assign(device.tenant, device.device, GREENHOUSE);

        await().atMost(StreamApi.PATIENCE).until(() -> malformedCount() >= before + 1);
        telemetry.send(device.json(T0, "{\"n\":1}"));
        awaitPointCount(device.tenant, GREENHOUSE, 1);
    }

    private static double malformedCount() {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^thingbus_stream_device_records_malformed_total(\\{[^}]*})? ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }

    private void createChannel(ChannelId channel) {
        as(device.tenant).contentType("application/json").body("{\"device_id\":\"" + device.device + "\"}")
                .post("/channel/{channel_id}", channel.value()).then().statusCode(201);
    }
}
