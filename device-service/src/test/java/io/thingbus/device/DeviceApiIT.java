package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static io.thingbus.device.Registry.asAdmin;
import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class DeviceApiIT {

    private Registry.CreatedUser user;
    private final String deviceId = "dev-" + UUID.randomUUID();

    @BeforeEach
    void createUser() {
        user = Registry.createUser();
    }

    @Test
    void createDevice_withoutBody_isNamedByItsIdAndUsesTheUsersToken() {
        String channel = ChannelId.defaultFor(TenantId.of(user.userId()), DeviceId.of(deviceId)).value();

        asTenant(user.userId()).post("/device/{id}", deviceId)
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .header("Location", endsWith("/device/" + deviceId))
                .body("device_id", equalTo(deviceId))
                .body("name", equalTo(deviceId))
                .body("channel_id", equalTo(channel))
                .body("channels", contains(channel))
                .body("device_token", equalTo(user.deviceToken()))
                .body("provisioning", equalTo("api"));

        asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("channel_id", equalTo(channel))
                .body("created_at", equalTo(asTenant(user.userId()).get("/device/{id}", deviceId)
                        .jsonPath().getString("updated_at")));
    }

    @Test
    void createDevice_withNameAndSecondToken_keepsBoth() {
        String second = Registry.issueDeviceToken(user.userId());

        asTenant(user.userId()).contentType(ContentType.JSON)
                .body(Map.of("name", "Kitchen sensor", "device_token", second))
                .post("/device/{id}", deviceId)
                .then().statusCode(201)
                .body("name", equalTo("Kitchen sensor"))
                .body("device_token", equalTo(second));
    }

    @Test
    void createDevice_isPublishedOnTheDevicesTopic() {
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("name", "Kitchen"))
                .post("/device/{id}", deviceId).then().statusCode(201);

        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            ConsumerRecord<String, byte[]> record = devices.awaitRecords(user.userId() + "/" + deviceId, 1).get(0);
            DeviceRecord device = DeviceRecord.CODEC.decode(record.value());
            assertThat(device.name()).isEqualTo("Kitchen");
            assertThat(device.provisioning()).isEqualTo("api");
            assertThat(device.channelId()).isEqualTo(ChannelId.defaultFor(device.tenant(), device.deviceId()));
            assertThat(TopicReader.header(record, RecordHeaders.CE_TYPE)).isEqualTo(DeviceRecord.TYPE);
            assertThat(TopicReader.header(record, RecordHeaders.CE_SUBJECT)).isEqualTo(deviceId);
        }
    }

    @Test
    void createDevice_twice_isA409Problem() {
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        asTenant(user.userId()).post("/device/{id}", deviceId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/device-exists"));
    }

    @Test
    void getDevice_thatDoesNotExist_isA404Problem() {
        asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("instance", equalTo("/device/" + deviceId));
    }

    @Test
    void updateDevice_withCurrentVersion_renamesItAndIsPublished() {
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        asTenant(user.userId()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "Garage"))
                .put("/device/{id}", deviceId)
                .then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("Garage"))
                .body("device_token", equalTo(user.deviceToken()));

        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            List<ConsumerRecord<String, byte[]>> records = devices.awaitRecords(user.userId() + "/" + deviceId, 2);
            assertThat(DeviceRecord.CODEC.decode(records.get(1).value()).name()).isEqualTo("Garage");
        }
    }

    @Test
    void updateDevice_withStaleVersion_isA412ProblemAndKeepsTheFirstChange() {
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        asTenant(user.userId()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "First")).put("/device/{id}", deviceId).then().statusCode(200);

        asTenant(user.userId()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body(Map.of("name", "Second"))
                .put("/device/{id}", deviceId)
                .then().statusCode(412).contentType("application/problem+json");

        asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("First"));
    }

    @Test
    void deleteDevice_withStaleVersionIsRefused_withCurrentVersionRemovesItAndPublishesATombstone() {
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        asTenant(user.userId()).header("If-Match", "\"7\"").delete("/device/{id}", deviceId)
                .then().statusCode(412).contentType("application/problem+json");
        asTenant(user.userId()).header("If-Match", "\"1\"").delete("/device/{id}", deviceId)
                .then().statusCode(204);

        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(404);
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            List<ConsumerRecord<String, byte[]>> records = devices.awaitRecords(user.userId() + "/" + deviceId, 2);
            assertThat(records.get(1).value()).isNull();
        }
    }

    @Test
    void anotherTenant_neitherSeesNorTouchesTheDevice() {
        Registry.CreatedUser other = Registry.createUser();
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        asTenant(other.userId()).get("/device/{id}", deviceId).then().statusCode(404);
        asTenant(other.userId()).get("/device").then().statusCode(200).body("device_id", not(hasItem(deviceId)));
        asTenant(other.userId()).contentType(ContentType.JSON).body(Map.of("name", "Mine now"))
                .put("/device/{id}", deviceId).then().statusCode(404);
        asTenant(other.userId()).delete("/device/{id}", deviceId).then().statusCode(404);

        asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(200).body("name", equalTo(deviceId));
    }

    @Test
    void sameDeviceId_inTwoTenants_areTwoDevices() {
        Registry.CreatedUser other = Registry.createUser();

        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        asTenant(other.userId()).post("/device/{id}", deviceId).then().statusCode(201)
                .body("device_token", equalTo(other.deviceToken()));
    }

    @Test
    void listDevices_showsOnlyTheCallersDevicesInIdOrder() {
        asTenant(user.userId()).post("/device/{id}", "b-" + deviceId).then().statusCode(201);
        asTenant(user.userId()).post("/device/{id}", "a-" + deviceId).then().statusCode(201);

        asTenant(user.userId()).get("/device")
                .then().statusCode(200)
                .body("device_id", contains("a-" + deviceId, "b-" + deviceId));
        asTenant(Registry.createUser().userId()).get("/device").then().statusCode(200).body("$", empty());
    }

    @Test
    void request_withoutTenantHeader_isA401Problem() {
        given().get("/device").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
        given().post("/device/{id}", deviceId).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void createDevice_withInvalidIdOrName_isA400ProblemNamingTheField() {
        asTenant(user.userId()).post("/device/{id}", "bad+id")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("path.device_id"));
        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/device/{id}", deviceId)
                .then().statusCode(400).body("errors[0].field", equalTo("body.name"));
        asTenant(user.userId()).get("/device/{id}", deviceId).then().statusCode(404);
    }

    @Test
    void createDevice_withAnotherUsersToken_isA400ProblemNamingTheToken() {
        Registry.CreatedUser other = Registry.createUser();

        asTenant(user.userId()).contentType(ContentType.JSON).body(Map.of("device_token", other.deviceToken()))
                .post("/device/{id}", deviceId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body.device_token"));
    }

    @Test
    void revokedToken_leavesItsDevicesWithoutTokenUnderANewVersion() {
        asTenant(user.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        asAdmin().delete("/admin/users/{id}/device-tokens/{token}", user.userId(), user.deviceToken())
                .then().statusCode(204);

        asTenant(user.userId()).get("/device/{id}", deviceId)
                .then().statusCode(200).header("ETag", "\"2\"").body("device_token", nullValue());
        asTenant(user.userId()).post("/device/{id}", "other-" + deviceId)
                .then().statusCode(409).body("type", equalTo("https://thingbus.io/problems/no-device-token"));
    }
}
