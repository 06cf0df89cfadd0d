package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class AutoProvisioningIT {

    private Registry.CreatedUser user;
    private final TelemetrySender telemetry = new TelemetrySender();

    @BeforeEach
    void createUser() {
        user = Registry.createUser();
    }

    @AfterEach
    void closeSender() {
        telemetry.close();
    }

    @Test
    void telemetryOfAnUnknownDevice_registersItAsAutoWithItsDefaultChannel() {
        telemetry.send(TelemetrySender.telemetry(user.userId(), "dev-x", user.deviceToken()));

        String channel = ChannelId.defaultFor(TenantId.of(user.userId()), DeviceId.of("dev-x")).value();
        awaitDevice(user.userId(), "dev-x");
        asTenant(user.userId()).get("/device/{id}", "dev-x")
                .then().statusCode(200)
                .body("provisioning", equalTo("auto"))
                .body("name", equalTo("dev-x"))
                .body("channel_id", equalTo(channel))
                .body("channels", contains(channel))
                .body("device_token", equalTo(user.deviceToken()));
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            DeviceRecord record = DeviceRecord.CODEC.decode(
                    devices.awaitRecords(user.userId() + "/dev-x", 1).get(0).value());
            assertThat(record.provisioning()).isEqualTo("auto");
            assertThat(record.channelId().value()).isEqualTo(channel);
        }
    }

    @Test
    void telemetryUnderTheUsersSecondToken_givesTheDeviceThatTokenAndItsHashOnKafka() {
        String second = Registry.issueDeviceToken(user.userId());

        telemetry.send(TelemetrySender.telemetry(user.userId(), "dev-second", second));

        awaitDevice(user.userId(), "dev-second");
        asTenant(user.userId()).get("/device/{id}", "dev-second")
                .then().statusCode(200).body("device_token", equalTo(second));
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            DeviceRecord record = DeviceRecord.CODEC.decode(
                    devices.awaitRecords(user.userId() + "/dev-second", 1).get(0).value());
            assertThat(record.tokenHash()).isEqualTo(SecretHash.of(second));
        }
    }

    @Test
    void theSameRecordReplayed_stillGivesOneDeviceAndOneDeviceRecord() {
        TelemetryRecord record = TelemetrySender.telemetry(user.userId(), "dev-x", user.deviceToken());
        telemetry.send(record);
        telemetry.send(record);
        telemetry.send(record);
        telemetry.send(TelemetrySender.telemetry(user.userId(), "marker", user.deviceToken()));

        awaitDevice(user.userId(), "marker");
        asTenant(user.userId()).get("/device")
                .then().statusCode(200).body("device_id", containsInAnyOrder("dev-x", "marker"));
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            devices.awaitRecords(user.userId() + "/marker", 1);
            assertThat(devices.allRecords(user.userId() + "/dev-x")).hasSize(1);
        }
    }

    @Test
    void aDeviceDeletedOverRest_isRegisteredAgainByItsNextTelemetry() {
        telemetry.send(TelemetrySender.telemetry(user.userId(), "dev-x", user.deviceToken()));
        awaitDevice(user.userId(), "dev-x");
        asTenant(user.userId()).delete("/device/{id}", "dev-x").then().statusCode(204);

        telemetry.send(TelemetrySender.telemetry(user.userId(), "dev-x", user.deviceToken()));

        awaitDevice(user.userId(), "dev-x");
        asTenant(user.userId()).get("/device/{id}", "dev-x").then().body("provisioning", equalTo("auto"));
    }

    @Test
    void aMalformedRecord_isCountedAndSkippedWithoutStoppingThePartition() {
        double before = malformedCount();

        telemetry.sendMalformed(user.userId() + "/broken");
        telemetry.send(TelemetrySender.telemetry(user.userId(), "after-broken", user.deviceToken()));

        awaitDevice(user.userId(), "after-broken");
        asTenant(user.userId()).get("/device").then().body("device_id", contains("after-broken"));
        assertThat(malformedCount()).isGreaterThan(before);
    }

    @Test
    void telemetryOfATenantThatIsNoUser_registersNothing() {
        String stranger = "Ustranger" + System.nanoTime() % 100_000;
        telemetry.send(TelemetrySender.telemetry(stranger, "dev-x", "AbCdEfGhIjKlMnOpQrStUvWxYz012345"));
        telemetry.send(TelemetrySender.telemetry(user.userId(), "marker", user.deviceToken()));

        awaitDevice(user.userId(), "marker");
        asTenant(stranger).get("/device").then().statusCode(200).body("$", empty());
    }

    private static void awaitDevice(String tenant, String device) {
        await().atMost(TopicReader.TIMEOUT).until(() ->
                asTenant(tenant).get("/device/{id}", device).statusCode() == 200);
    }

    private static double malformedCount() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^thingbus_device_telemetry_malformed_total(?:\\{[^}]*})? (\\S+)$")
                .matcher(metrics);
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }
}
