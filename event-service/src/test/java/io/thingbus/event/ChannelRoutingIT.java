package io.thingbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.ChannelId;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rules on channels users created in stream-service, announced on {@code thingbus.channels.v1}, and the routing rule:
 * a device's telemetry belongs to the channel its registry entry names when the tenant has that channel, otherwise to
 * its default channel. The test plays stream-service and device-service by producing their records.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class ChannelRoutingIT extends KafkaClientFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ChannelId KITCHEN = ChannelId.of("kitchen");

    @Test
    void aRuleOnACreatedChannel_firesWhenTheRegistryNamesIt_andTheDefaultChannelsRuleNeverSeesThePoint() {
        TestDevice device = TestDevice.random();
        writesToKitchen(device);
        String onKitchen = EventApi.createWhenChannelKnown(device, threshold(KITCHEN, "30")).path("event_id");
        String onDefault = EventApi.createWhenChannelKnown(device, threshold(device.channel(), "30")).path("event_id");

        kafka.send(device.json("{\"temp\": 31}"));

        JsonPath kitchenRule = ThresholdAlertIT.awaitSettledAlerts(device, onKitchen, 1);
        assertThat(kitchenRule.getList("recent_alerts.value", Float.class)).containsExactly(31f);
        assertThat(kitchenRule.getString("device_id")).isEqualTo(device.device.value());
        EventApi.as(device.tenant).get("/event/" + onDefault).then().statusCode(200)
                .body("recent_alerts", empty())
                .body("state.last_point_at", nullValue());
        await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaTestClient.alertsOf(device.tenant)).hasSize(1));
        AlertRecord alert = KafkaTestClient.decode(KafkaTestClient.alertsOf(device.tenant).get(0));
        assertThat(alert.eventId()).isEqualTo(onKitchen);
        assertThat(alert.channelId()).isEqualTo(KITCHEN);
        assertThat(alert.deviceId()).isEqualTo(device.device);
    }

    @Test
    void aDeletedChannel_stopsItsRule_andTheDevicesPointsGoBackToItsDefaultChannel() {
        TestDevice device = TestDevice.random();
        writesToKitchen(device);
        String onKitchen = EventApi.createWhenChannelKnown(device, threshold(KITCHEN, "30")).path("event_id");
        String onDefault = EventApi.createWhenChannelKnown(device, threshold(device.channel(), "30")).path("event_id");
        kafka.send(device.json("{\"temp\": 31}"));
        ThresholdAlertIT.awaitSettledAlerts(device, onKitchen, 1);
        kafka.send(device.json("{\"temp\": 20}"));
        await().atMost(WAIT).untilAsserted(() -> EventApi.as(device.tenant).get("/event/" + onKitchen).then()
                .body("state.armed", equalTo(true)));

        kafka.deleteChannel(device.tenant, KITCHEN);
        // a disabled probe: accepted (and never evaluated) while kitchen exists, refused once its deletion is applied
        String probe = threshold(KITCHEN, "30").replace("\"threshold\"", "\"enabled\": false, \"threshold\"");
        await().atMost(WAIT).untilAsserted(() -> EventApi.as(device.tenant).body(probe).post("/event").then()
                .statusCode(400).body("errors.field", contains("body.channel_id")));
        kafka.send(device.json("{\"temp\": 35}"));

        JsonPath defaultRule = ThresholdAlertIT.awaitSettledAlerts(device, onDefault, 1);
        assertThat(defaultRule.getList("recent_alerts.value", Float.class)).containsExactly(35f);
        JsonPath kitchenRule = EventApi.as(device.tenant).get("/event/" + onKitchen).then().statusCode(200)
                .extract().jsonPath();
        assertThat(kitchenRule.getList("recent_alerts.value", Float.class)).containsExactly(31f);
        assertThat(kitchenRule.getFloat("state.last_value")).isEqualTo(20f);
        assertThat(kitchenRule.getBoolean("state.armed")).isTrue();
    }

    @Test
    void aNoDataRule_watchesTheChannelTheDeviceWritesTo_notItsDefaultChannel() {
        TestDevice device = TestDevice.random();
        writesToKitchen(device);
        String onKitchen = EventApi.createWhenChannelKnown(device, noData(KITCHEN)).path("event_id");
        String onDefault = EventApi.createWhenChannelKnown(device, noData(device.channel())).path("event_id");

        kafka.send(device.json("{\"temp\": 20}"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(EventApi.as(device.tenant).get("/event/" + onKitchen)
                .then().extract().<String>path("state.last_point_at")).isNotNull());

        JsonPath kitchenRule = ThresholdAlertIT.awaitSettledAlerts(device, onKitchen, 1);
        assertThat(kitchenRule.getString("recent_alerts[0].value_time"))
                .isEqualTo(kitchenRule.getString("state.last_point_at"));
        EventApi.as(device.tenant).get("/event/" + onDefault).then().statusCode(200)
                .body("recent_alerts", empty())
                .body("state.last_point_at", nullValue());
    }

    @Test
    void anotherDeviceWritingToTheChannel_firesItsRule_andTheAlertNamesTheDeviceThatSentTheValue() {
        TestDevice owner = TestDevice.random();
        TestDevice sender = TestDevice.of(owner.tenant, "sender-1");
        kafka.send(owner.channelRecord(KITCHEN));
        String onKitchen = EventApi.createWhenChannelKnown(owner, threshold(KITCHEN, "30")).path("event_id");
        kafka.send(sender.registrationNaming(KITCHEN));
        EventApi.createWhenChannelKnown(sender, threshold(sender.channel(), "30"));

        kafka.send(sender.json("{\"temp\": 31}"));

        ThresholdAlertIT.awaitSettledAlerts(owner, onKitchen, 1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaTestClient.alertsOf(owner.tenant)).hasSize(1));
        AlertRecord alert = KafkaTestClient.decode(KafkaTestClient.alertsOf(owner.tenant).get(0));
        assertThat(alert.eventId()).isEqualTo(onKitchen);
        assertThat(alert.deviceId()).isEqualTo(sender.device);
        assertThat(alert.channelId()).isEqualTo(KITCHEN);
        EventApi.as(owner.tenant).get("/event/" + onKitchen).then().body("device_id", equalTo(owner.device.value()));
    }

    @Test
    void aChannelAssociatedWithAnotherDevice_showsThatDeviceInItsRules() {
        TestDevice owner = TestDevice.random();
        TestDevice successor = TestDevice.of(owner.tenant, "successor-1");
        kafka.send(owner.channelRecord(KITCHEN));
        String onKitchen = EventApi.createWhenChannelKnown(owner, threshold(KITCHEN, "30")).path("event_id");

        kafka.send(successor.channelRecord(KITCHEN));

        await().atMost(WAIT).untilAsserted(() -> EventApi.as(owner.tenant).get("/event/" + onKitchen).then()
                .statusCode(200).body("device_id", equalTo(successor.device.value())).body("version", equalTo(1)));
    }

    /**
     * Announces the device's channel {@code kitchen} and registers the device naming it. The service accepts a rule on
     * {@code kitchen} once it applied the channel, and a rule on the device's default channel once it applied the
     * registration: after both, the device's telemetry goes to {@code kitchen}.
     */
    private static void writesToKitchen(TestDevice device) {
        kafka.send(device.channelRecord(KITCHEN));
        kafka.send(device.registrationNaming(KITCHEN));
    }

    private static String threshold(ChannelId channel, String threshold) {
        return """
                {"name": "too warm", "channel_id": "%s", "field": "temp", "operator": ">", "threshold": %s}
                """.formatted(channel, threshold);
    }

    private static String noData(ChannelId channel) {
        return """
                {"name": "silent", "channel_id": "%s", "no_data_minutes": 0.05}
                """.formatted(channel);
    }
}
