package io.thingbus.command;

import static io.thingbus.command.PublishApi.as;
import static io.thingbus.command.PublishApi.publish;
import static io.thingbus.command.PublishApi.publishOnceKnown;
import static io.thingbus.command.PublishApi.publishUntil;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /publish/{device_id}} against the real Kafka and PostgreSQL: devices and sessions arrive as records
 * (as device-service and broker-service write them), messages leave as downlink records that a real consumer reads.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class PublishIT extends KafkaDriven {

    @Test
    void publish_toOwnDevice_writesADownlinkRecordWithTheBodyUnchanged_onTheDevicesThingScaleTopic() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        String body = "{\"led\": \"on\",  \"level\": 3.50}";
        Instant before = Instant.now().minusMillis(1);

        JsonPath answer = publishOnceKnown(device, body);

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(answer.getString("id"));
        assertThat(record.key()).isEqualTo(device.key().asString());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(body);
        DownlinkRecord downlinkRecord = DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value());
        assertThat(downlinkRecord.id()).isEqualTo(answer.getString("id"));
        assertThat(downlinkRecord.source()).isEqualTo("//thingbus/command-service");
        assertThat(downlinkRecord.tenant()).isEqualTo(device.tenant);
        assertThat(downlinkRecord.device()).isEqualTo(device.id);
        assertThat(downlinkRecord.topic()).isEqualTo("{token}/" + device.id.value() + "/subscribe");
        assertThat(downlinkRecord.topicFor(device.token)).isEqualTo(device.token + "/" + device.id + "/subscribe");
        assertThat(downlinkRecord.tokenHash()).contains(device.tokenHash());
        assertThat(downlinkRecord.qos()).isEqualTo(1);
        assertThat(downlinkRecord.expiry()).isEmpty();
        assertThat(downlinkRecord.contentType()).isEqualTo("application/json");
        assertThat(downlinkRecord.time()).isBetween(before, Instant.now());
        assertThat(DownlinkReader.headersOf(record)).isEqualTo(downlinkRecord.headers());
        assertThat(answer.getString("device_id")).isEqualTo(device.id.value());
        assertThat(answer.getInt("qos")).isEqualTo(1);
    }

    @Test
    void publish_withQos0AndExpiry_carriesThemInTheRecord() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        publishOnceKnown(device, "1");
        Instant before = Instant.now().minusMillis(1);

        JsonPath answer = as(device.tenant).queryParam("qos", "0").queryParam("expiry", "3600").body("\"reboot\"")
                .post("/publish/{device_id}", device.id.value())
                .then().statusCode(202).body("qos", equalTo(0)).extract().jsonPath();

        ConsumerRecord<String, byte[]> record = downlink.awaitRecord(answer.getString("id"));
        DownlinkRecord downlinkRecord = DownlinkRecord.fromHeaders(DownlinkReader.headersOf(record), record.value());
        assertThat(downlinkRecord.qos()).isZero();
        assertThat(downlinkRecord.expiry()).hasValueSatisfying(expiry -> assertThat(expiry)
                .isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1))));
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("\"reboot\"");
    }

    @Test
    void publish_withoutAnySubscriber_isStillAccepted_butSaysNotSubscribed() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());

        JsonPath answer = publishOnceKnown(device, "{}");

        assertThat(answer.getBoolean("subscribed")).isFalse();
        assertThat(answer.getInt("subscribers")).isZero();
        assertThat(downlink.awaitRecord(answer.getString("id")).key()).isEqualTo(device.key().asString());
    }

    @Test
    void publish_whileTheDeviceSubscribesItsDownlinkTopic_saysSubscribed() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        kafka.report(device.connected("dev_a1", "c-1"), device.subscribed("dev_a1", "c-1", device.downlinkFilter()));

        JsonPath answer = publishUntil(device, "{}", a -> a.getBoolean("subscribed"));

        assertThat(answer.getInt("subscribers")).isEqualTo(1);
    }

    @Test
    void publish_whileAGatewaySubscribesEveryDeviceOfTheToken_countsEachSessionOnce() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        kafka.report(device.connected("gw", "g-1"),
                device.subscribed("gw", "g-1", device.everyDeviceFilter(), device.downlinkFilter()),
                device.connected("dev", "d-1"),
                device.subscribed("dev", "d-1", device.downlinkFilter()));

        JsonPath answer = publishUntil(device, "{}", a -> a.getInt("subscribers") == 2);

        assertThat(answer.getBoolean("subscribed")).isTrue();
    }

    @Test
    void publish_afterTheSubscriberDisconnected_saysNotSubscribed() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        kafka.report(device.connected("dev", "c-1"), device.subscribed("dev", "c-1", device.downlinkFilter()));
        publishUntil(device, "{}", a -> a.getBoolean("subscribed"));

        kafka.report(device.disconnected("dev", "c-1"));

        JsonPath answer = publishUntil(device, "{}", a -> !a.getBoolean("subscribed"));
        assertThat(answer.getInt("subscribers")).isZero();
    }

    @Test
    void publish_afterTheSubscriberReconnectedElsewhere_andTheOldBrokerReportedTheLoss_staysSubscribed() {
        TestDevice device = TestDevice.random();
        TestDevice marker = device.sibling();
        kafka.register(device.record());
        kafka.register(marker.record());
        kafka.report(device.connected("dev", "c-1"), device.subscribed("dev", "c-1", device.downlinkFilter()),
                device.connected("dev", "c-2"), device.subscribed("dev", "c-2", device.downlinkFilter()),
                device.disconnected("dev", "c-1"),
                device.subscribed("dev", "c-2", device.downlinkFilterOf(marker.id)));

        publishUntil(marker, "{}", a -> a.getBoolean("subscribed"));
        JsonPath answer = publishOnceKnown(device, "{}");

        assertThat(answer.getBoolean("subscribed")).isTrue();
    }

    @Test
    void aSessionOfAnotherToken_doesNotReceiveTheDevicesDownlink_evenWhenItsFilterNamesTheDevice() {
        TestDevice device = TestDevice.random();
        TestDevice other = device.withOwnToken();
        kafka.register(device.record());
        kafka.register(other.record());
        kafka.report(other.connected("other", "o-1"),
                other.subscribed("other", "o-1", other.downlinkFilterOf(device.id), other.downlinkFilter()));

        publishUntil(other, "{}", a -> a.getBoolean("subscribed"));
        JsonPath answer = publishOnceKnown(device, "{}");

        assertThat(answer.getBoolean("subscribed")).isFalse();
    }

    @Test
    void publish_withQos2_isRefusedWith400_andNothingIsForwarded() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        JsonPath first = publishOnceKnown(device, "1");

        as(device.tenant).queryParam("qos", "2").body("2").post("/publish/{device_id}", device.id.value())
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/qos-not-supported"))
                .body("detail", equalTo("the publish API does not support QoS 2; use qos=0 or qos=1"))
                .body("errors[0].field", equalTo("qos"));

        assertOnlyForwarded(device, first.getString("id"), "1", "3");
    }

    @Test
    void publish_toAnotherTenantsDevice_is404_andNothingIsForwarded() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        JsonPath first = publishOnceKnown(device, "1");

        as(TestDevice.randomTenant()).body("2").post("/publish/{device_id}", device.id.value())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/device-not-found"));

        assertOnlyForwarded(device, first.getString("id"), "1", "3");
    }

    @Test
    void publish_toADeletedDevice_is404() {
        TestDevice device = TestDevice.random();
        kafka.register(device.record());
        publishOnceKnown(device, "{}");

        kafka.delete(device.key());

        org.awaitility.Awaitility.await().atMost(PublishApi.PATIENCE)
                .until(() -> publish(device, "{}").statusCode() == 404);
    }

    @Test
    void publish_toADeviceWithoutAToken_is409ExplainingIt() {
        TestDevice device = TestDevice.random();
        kafka.register(device.recordWithoutToken());

        org.awaitility.Awaitility.await().atMost(PublishApi.PATIENCE).untilAsserted(() -> publish(device, "{}")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/device-without-token"))
                .body("detail", startsWith("the device has no device token yet")));
    }

    @Test
    void publish_withoutTenant_isRefusedWith401() {
        given().contentType("application/json").body("{}").post("/publish/dev-1")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://thingbus.io/problems/unauthenticated"));
    }

    @Test
    void publish_withABodyThatIsNotJson_isRefusedWith400() {
        TestDevice device = TestDevice.random();

        as(device.tenant).body("{\"led\": on}").post("/publish/{device_id}", device.id.value())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        as(device.tenant).body("").post("/publish/{device_id}", device.id.value()).then().statusCode(400);
    }

    @Test
    void publish_ofAnythingButJson_isRefusedWith415() {
        TestDevice device = TestDevice.random();

        given().header("X-Thingbus-Tenant", device.tenant.value()).contentType("text/plain").body("on")
                .post("/publish/{device_id}", device.id.value())
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void publish_withAnInvalidExpiry_isRefusedWith400NamingIt() {
        TestDevice device = TestDevice.random();

        as(device.tenant).queryParam("expiry", "-5").body("{}").post("/publish/{device_id}", device.id.value())
                .then().statusCode(400).body("errors[0].field", equalTo("expiry"));
    }

    @Test
    void malformedDeviceAndSessionRecords_areSkipped_andLaterRecordsStillApply() {
        TestDevice device = TestDevice.random();
        kafka.sendRaw(Topics.DEVICES, device.key().asString(), "{\"tenant\":".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.DEVICES, "no-slash", "{}".getBytes(StandardCharsets.UTF_8));
        kafka.sendRaw(Topics.LIFECYCLE, device.tenant.value() + "/dev", "[]".getBytes(StandardCharsets.UTF_8));
        kafka.register(device.record());
        kafka.report(device.connected("dev", "c-1"), device.subscribed("dev", "c-1", device.downlinkFilter()));

        JsonPath answer = publishUntil(device, "{}", a -> a.getBoolean("subscribed"));

        assertThat(answer.getInt("subscribers")).isEqualTo(1);
        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertThat(metrics).containsPattern(
                "thingbus_command_state_rejected_total\\{reason=\"malformed-record\",?\\} [1-9]");
    }

    /**
     * Publishes {@code marker} and waits for it: records of one device share a partition, so everything sent for the
     * device before it has been read by then. Only {@code firstId} and the marker may be there.
     */
    private static void assertOnlyForwarded(TestDevice device, String firstId, String firstBody, String marker) {
        String markerId = publish(device, marker).then().statusCode(202).extract().jsonPath().getString("id");
        downlink.awaitRecord(markerId);
        assertThat(downlink.recordsOf(device.key().asString()))
                .extracting(r -> DownlinkReader.header(r, "ce_id"), r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(firstId, firstBody),
                        org.assertj.core.groups.Tuple.tuple(markerId, marker));
    }
}
