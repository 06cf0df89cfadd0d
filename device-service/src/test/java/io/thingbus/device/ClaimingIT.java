package io.thingbus.device;

import static io.restassured.RestAssured.given;
import static io.thingbus.device.Registry.asTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.thingbus.contracts.DeviceClaimRecord;
import io.thingbus.contracts.DeviceRecord;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** v1/gateway/claim opens a claiming window; POST /claim by another user moves the device. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class ClaimingIT {

    private final BrokerRecords broker = new BrokerRecords();
    private final String gateway = "gw-" + UUID.randomUUID().toString().substring(0, 8);
    private final String deviceId = "Device " + UUID.randomUUID().toString().substring(0, 8);
    private Registry.CreatedUser owner;
    private Registry.CreatedUser claimer;

    @BeforeEach
    void createUsers() {
        owner = Registry.createUser();
        claimer = Registry.createUser();
    }

    @AfterEach
    void closeProducer() {
        broker.close();
    }

    @Test
    void claimInsideTheWindow_movesTheDeviceAndItsAttributesToTheClaimer() {
        broker.send(BrokerRecords.clientAttributes(owner.userId(), deviceId, gateway, "{\"fw\":\"1.2\"}"));
        await().atMost(TopicReader.TIMEOUT).until(() ->
                asTenant(owner.userId()).get("/device/{id}", deviceId).statusCode() == 200);
        asTenant(owner.userId()).contentType(ContentType.JSON).body("{\"mode\":\"eco\"}")
                .put("/device/{id}/attributes/shared", deviceId).then().statusCode(200);

        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "s3cret", 60_000L, gateway,
                BrokerRecords.now()));

        Response claimed = awaitClaim(claimer.userId(), deviceId, "s3cret");
        claimed.then().statusCode(201)
                .header("Location", endsWith("/device/" + deviceId.replace(" ", "%20")))
                .header("ETag", "\"1\"")
                .body("device_id", equalTo(deviceId))
                .body("provisioning", equalTo("api"))
                .body("device_token", equalTo(claimer.deviceToken()));
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(404);
        asTenant(owner.userId()).get("/device/{id}/attributes", deviceId).then().statusCode(404);
        asTenant(claimer.userId()).get("/device/{id}", deviceId).then().statusCode(200);
        asTenant(claimer.userId()).get("/device/{id}/attributes", deviceId).then().statusCode(200)
                .body("client.fw", equalTo("1.2"))
                .body("shared.mode", equalTo("eco"));
        try (TopicReader devices = new TopicReader(Topics.DEVICES)) {
            List<ConsumerRecord<String, byte[]>> old = devices.awaitRecords(owner.userId() + "/" + deviceId, 2);
            assertThat(old.get(old.size() - 1).value()).isNull();
            DeviceRecord moved = DeviceRecord.CODEC.decode(
                    devices.awaitRecords(claimer.userId() + "/" + deviceId, 1).get(0).value());
            assertThat(moved.tenant().value()).isEqualTo(claimer.userId());
            assertThat(moved.provisioning()).isEqualTo("api");
        }
    }

    @Test
    void claim_isAnnouncedOnTheDeviceClaimsTopicUnderTheFormerDeviceKey() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "s3cret", null, gateway,
                BrokerRecords.now()));

        awaitClaim(claimer.userId(), deviceId, "s3cret").then().statusCode(201);

        try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            ConsumerRecord<String, byte[]> record = claims.awaitRecords(owner.userId() + "/" + deviceId, 1).get(0);
            DeviceClaimRecord claim = DeviceClaimRecord.CODEC.decode(record.value());
            assertThat(claim.tenant().value()).isEqualTo(owner.userId());
            assertThat(claim.deviceId().value()).isEqualTo(deviceId);
            assertThat(claim.claimedBy().value()).isEqualTo(claimer.userId());
            assertThat(TopicReader.header(record, RecordHeaders.CE_TYPE)).isEqualTo(DeviceClaimRecord.TYPE);
            assertThat(TopicReader.header(record, RecordHeaders.TENANT)).isEqualTo(owner.userId());
            assertThat(TopicReader.header(record, RecordHeaders.DEVICE)).isEqualTo(deviceId);
            assertThat(claims.allRecords(claimer.userId() + "/" + deviceId)).isEmpty();
        }
    }

    @Test
    void theOldOwnerCreatingTheDeviceAgain_endsTheClaimWithATombstone() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "", null, gateway, BrokerRecords.now()));
        awaitClaim(claimer.userId(), deviceId, "").then().statusCode(201);

        asTenant(owner.userId()).post("/device/{id}", deviceId).then().statusCode(201);

        try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            List<ConsumerRecord<String, byte[]>> records = claims.awaitRecords(owner.userId() + "/" + deviceId, 2);
            assertThat(records).hasSize(2);
            assertThat(records.get(0).value()).isNotNull();
            assertThat(records.get(1).value()).isNull();
            assertThat(TopicReader.header(records.get(1), RecordHeaders.CE_TYPE)).isEqualTo(DeviceClaimRecord.TYPE);
            assertThat(TopicReader.header(records.get(1), RecordHeaders.TENANT)).isEqualTo(owner.userId());
        }
    }

    @Test
    void theClaimerDeletingTheDevice_endsTheClaimAndTheOldOwnersTelemetryRegistersItAgain() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "", null, gateway, BrokerRecords.now()));
        awaitClaim(claimer.userId(), deviceId, "").then().statusCode(201);
        String marker = "telemetry-marker-" + UUID.randomUUID();
        try (TelemetrySender telemetry = new TelemetrySender()) {
            telemetry.send(TelemetrySender.telemetry(owner.userId(), deviceId, owner.deviceToken()));
            telemetry.send(TelemetrySender.telemetry(owner.userId(), marker, owner.deviceToken()));
            SubdeviceIT.awaitDevice(owner.userId(), marker);
            asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(404);

            asTenant(claimer.userId()).delete("/device/{id}", deviceId).then().statusCode(204);

            try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
                List<ConsumerRecord<String, byte[]>> records =
                        claims.awaitRecords(owner.userId() + "/" + deviceId, 2);
                assertThat(records).extracting(r -> r.value() == null).containsExactly(false, true);
                assertThat(TopicReader.header(records.get(1), RecordHeaders.CE_TYPE))
                        .isEqualTo(DeviceClaimRecord.TYPE);
                assertThat(TopicReader.header(records.get(1), RecordHeaders.TENANT)).isEqualTo(owner.userId());
                assertThat(claims.allRecords(claimer.userId() + "/" + deviceId)).isEmpty();
            }
            telemetry.send(TelemetrySender.telemetry(owner.userId(), deviceId, owner.deviceToken()));
            SubdeviceIT.awaitDevice(owner.userId(), deviceId);
        }
        asTenant(claimer.userId()).get("/device/{id}", deviceId).then().statusCode(404);
    }

    @Test
    void creatingAnOrdinaryDevice_writesNothingOnTheDeviceClaimsTopic() {
        asTenant(owner.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        asTenant(owner.userId()).delete("/device/{id}", deviceId).then().statusCode(204);
        asTenant(owner.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        awaitWindowsProcessed();

        try (TopicReader devices = new TopicReader(Topics.DEVICES);
             TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            devices.awaitRecords(owner.userId() + "/" + deviceId, 3);
            assertThat(claims.allRecords(owner.userId() + "/" + deviceId)).isEmpty();
        }
    }

    @Test
    void theWindowIsUsedOnce_aSecondClaimIsRefused() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "", null, gateway, BrokerRecords.now()));
        awaitClaim(claimer.userId(), deviceId, null).then().statusCode(201);

        claim(Registry.createUser().userId(), deviceId, null).then().statusCode(400);
    }

    @Test
    void claimAfterTheWindowClosed_isRefused() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "s3cret", 60_000L, gateway,
                BrokerRecords.now().minus(Duration.ofMinutes(2))));
        awaitWindowsProcessed();

        claim(claimer.userId(), deviceId, "s3cret").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/claim-refused"));
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(200);
    }

    @Test
    void wrongSecretAndNoWindowAtAll_areRefusedAlike() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "right", 60_000L, gateway,
                BrokerRecords.now()));
        awaitWindowsProcessed();

        Map<String, Object> wrongSecret = claim(claimer.userId(), deviceId, "wrong").then().statusCode(400)
                .extract().jsonPath().getMap("$");
        Map<String, Object> noSuchDevice = claim(claimer.userId(), "no-such-device", "wrong").then().statusCode(400)
                .extract().jsonPath().getMap("$");
        wrongSecret.remove("instance");
        noSuchDevice.remove("instance");
        assertThat(wrongSecret).isEqualTo(noSuchDevice);

        claim(claimer.userId(), deviceId, "right").then().statusCode(201);
    }

    @Test
    void theOldOwnersTelemetryAndGateway_doNotBringAClaimedDeviceBack() {
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "", null, gateway, BrokerRecords.now()));
        awaitClaim(claimer.userId(), deviceId, "").then().statusCode(201);
        double skippedBefore = Metrics.counter("thingbus_device_provisioning_claimed_away_total");

        try (TelemetrySender telemetry = new TelemetrySender()) {
            telemetry.send(TelemetrySender.telemetry(owner.userId(), deviceId, owner.deviceToken()));
            telemetry.send(TelemetrySender.telemetry(owner.userId(), "telemetry-marker", owner.deviceToken()));
        }
        broker.send(BrokerRecords.connect(owner.userId(), deviceId, gateway, "c-1", owner.deviceToken()));
        broker.send(BrokerRecords.connect(owner.userId(), "lifecycle-marker", gateway, "c-1", owner.deviceToken()));

        SubdeviceIT.awaitDevice(owner.userId(), "telemetry-marker");
        SubdeviceIT.awaitDevice(owner.userId(), "lifecycle-marker");
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(404);
        assertThat(Metrics.counter("thingbus_device_provisioning_claimed_away_total"))
                .isGreaterThanOrEqualTo(skippedBefore + 2);
    }

    @Test
    void claimerWhoAlreadyHasADeviceWithThatId_isAConflict() {
        asTenant(claimer.userId()).post("/device/{id}", deviceId).then().statusCode(201);
        broker.send(BrokerRecords.claimRequest(owner.userId(), deviceId, "s3cret", null, gateway,
                BrokerRecords.now()));
        awaitWindowsProcessed();

        claim(claimer.userId(), deviceId, "s3cret").then().statusCode(409)
                .body("type", equalTo("https://thingbus.io/problems/device-exists"));
        asTenant(owner.userId()).get("/device/{id}", deviceId).then().statusCode(200);
    }

    @Test
    void claimWithoutDeviceIdOrTenant_isRefusedUpFront() {
        asTenant(claimer.userId()).contentType(ContentType.JSON).body("{\"secret_key\":\"x\"}").post("/claim")
                .then().statusCode(400).body("errors[0].field", equalTo("body.device_id"));
        given().contentType(ContentType.JSON).body(Map.of("device_id", deviceId)).post("/claim")
                .then().statusCode(401);
    }

    /**
     * A window of the same partition opened after the test's own proves the consumer has passed that one; its claim
     * also puts a record on the device-claims topic after everything the test committed before.
     */
    private void awaitWindowsProcessed() {
        String marker = "claim-marker-" + UUID.randomUUID();
        broker.send(BrokerRecords.claimRequest(owner.userId(), marker, "marker", null, gateway, BrokerRecords.now()));
        String markerClaimer = Registry.createUser().userId();
        awaitClaim(markerClaimer, marker, "marker").then().statusCode(201);
        try (TopicReader claims = new TopicReader(Topics.DEVICE_CLAIMS)) {
            claims.awaitRecords(owner.userId() + "/" + marker, 1);
        }
    }

    /** Claims until the claim is no longer refused (the window is open once the consumer has read its record). */
    static Response awaitClaim(String claimer, String device, String secret) {
        AtomicReference<Response> last = new AtomicReference<>();
        await().atMost(TopicReader.TIMEOUT).until(() -> {
            last.set(claim(claimer, device, secret));
            return last.get().statusCode() != 400;
        });
        return last.get();
    }

    private static Response claim(String claimer, String device, String secret) {
        Map<String, String> body = secret == null ? Map.of("device_id", device)
                : Map.of("device_id", device, "secret_key", secret);
        return asTenant(claimer).contentType(ContentType.JSON).body(body).post("/claim");
    }
}
