package io.thingbus.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class ThresholdAlertIT extends KafkaClientFixture {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aCrossing_sendsOneMailAndOneSignedWebhook_andFiresAgainOnlyAfterReArming() throws Exception {
        TestDevice device = TestDevice.random();
        String mailbox = mailbox();
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            String body = """
                    {"name": "Freezer too warm", "channel_id": "%s", "field": "temp", "operator": ">", "threshold": 30,
                     "rearm": {"hysteresis": 2},
                     "actions": {"email": ["%s"], "webhook": {"url": "%s"}}}
                    """.formatted(device.channel(), mailbox, receiver.url("/hooks/freezer?token=abc"));
            JsonPath created = EventApi.createWhenChannelKnown(kafka, device, body).jsonPath();
            String id = created.getString("event_id");
            String secret = created.getString("webhook_secret");

            for (String temp : List.of("25", "31", "32", "29", "33", "27", "34.5")) {
                kafka.send(device.json("{\"temp\": " + temp + ", \"humidity\": 40}"));
            }

            JsonPath event = awaitSettledAlerts(device, id, 2);
            assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(34.5f, 31f);
            assertThat(event.getString("recent_alerts[1].condition")).isEqualTo("temp > 30");
            assertThat(event.getList("recent_alerts.notifications.status.flatten()", String.class))
                    .containsOnly("sent");

            List<MimeMessage> mails = MailServer.get().mailTo(mailbox);
            assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                    "[Thingbus] Freezer too warm: temp > 30 on " + device.device + " (31)",
                    "[Thingbus] Freezer too warm: temp > 30 on " + device.device + " (34.5)");
            assertThat(mails.get(0).getContent().toString()).contains("Device:    " + device.device)
                    .contains("Event id:  " + id);

            List<WebhookReceiver.Received> hooks = receiver.received();
            assertThat(hooks).hasSize(2);
            for (WebhookReceiver.Received hook : hooks) {
                assertThat(hook.header("X-Thingbus-Signature")).isEqualTo(Signatures.expected(secret, hook.body()));
                assertThat(hook.header("Content-Type")).isEqualTo("application/json");
                JsonPath json = JsonPath.from(hook.body());
                assertThat(hook.header("X-Thingbus-Alert-Id")).isEqualTo(json.getString("alert_id"));
                assertThat(json.getString("event_id")).isEqualTo(id);
                assertThat(json.getString("device_id")).isEqualTo(device.device.value());
                assertThat(json.getString("channel_id")).isEqualTo(device.channel().value());
                assertThat(json.getString("condition.operator")).isEqualTo(">");
                assertThat(json.getString("value_time")).isNotNull();
            }
            assertThat(hooks).extracting(hook -> JsonPath.from(hook.body()).getFloat("value"))
                    .containsExactlyInAnyOrder(31f, 34.5f);
        }
    }

    @Test
    void everyFiring_isPublishedOnTheAlertsTopic_firedThenSettled() {
        TestDevice device = TestDevice.random();
        String mailbox = mailbox();
        String id = EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">=", "10",
                "{\"email\": [\"" + mailbox + "\"], \"webhook\": {\"url\": \"http://127.0.0.1:9/secret/path\"}}"))
                .path("event_id");

        kafka.send(device.json("{\"temp\": 10}"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(KafkaTestClient.alertsOf(device.tenant)).hasSize(2));
        List<ConsumerRecord<byte[], byte[]>> records = KafkaTestClient.alertsOf(device.tenant);
        AlertRecord fired = KafkaTestClient.decode(records.get(0));
        AlertRecord settled = KafkaTestClient.decode(records.get(1));
        assertThat(fired.status()).isEqualTo(AlertRecord.FIRED);
        assertThat(settled.status()).isEqualTo(AlertRecord.SETTLED);
        assertThat(settled.alertId()).isEqualTo(fired.alertId());
        assertThat(fired.eventId()).isEqualTo(id);
        assertThat(fired.condition().operator()).isEqualTo(">=");
        assertThat(fired.value()).isEqualByComparingTo("10");
        assertThat(fired.notifications()).extracting(AlertRecord.Notification::status)
                .containsExactly("pending", "pending");
        assertThat(settled.notifications()).extracting(AlertRecord.Notification::channel)
                .containsExactly("email", "webhook");
        assertThat(settled.notifications()).extracting(AlertRecord.Notification::status)
                .containsExactly("sent", "failed");
        assertThat(settled.notifications().get(1).target()).isEqualTo("http://127.0.0.1:9");
        ConsumerRecord<byte[], byte[]> record = records.get(0);
        assertThat(new String(record.key())).isEqualTo(device.tenant + "/" + device.device);
        assertThat(KafkaTestClient.header(record, RecordHeaders.CE_TYPE)).isEqualTo(AlertRecord.TYPE);
        assertThat(KafkaTestClient.header(record, RecordHeaders.CE_SOURCE)).isEqualTo("//thingbus/event-service");
        assertThat(KafkaTestClient.header(record, RecordHeaders.TENANT)).isEqualTo(device.tenant.value());
        assertThat(KafkaTestClient.header(record, RecordHeaders.DEVICE)).isEqualTo(device.device.value());
        assertThat(KafkaTestClient.header(record, RecordHeaders.CE_ID))
                .isNotEqualTo(KafkaTestClient.header(records.get(1), RecordHeaders.CE_ID));
    }

    @Test
    void anotherTenantsTelemetry_neverTriggersTheRule_evenForADeviceOfTheSameName() {
        TestDevice owner = TestDevice.random();
        TestDevice namesake = TestDevice.of(TestDevice.random().tenant, owner.device.value());
        String ownerMailbox = mailbox();
        String ownerRule = EventApi.createWhenChannelKnown(kafka, owner, EventApi.thresholdRule(owner, "temp", ">",
                "30", "{\"email\": [\"" + ownerMailbox + "\"]}")).path("event_id");
        String namesakeRule = EventApi.createWhenChannelKnown(kafka, namesake, EventApi.thresholdRule(namesake,
                "temp", ">", "50", "{}")).path("event_id");

        kafka.send(namesake.json("{\"temp\": 99}"));
        awaitSettledAlerts(namesake, namesakeRule, 1);
        kafka.send(owner.json("{\"temp\": 31}"));

        JsonPath event = awaitSettledAlerts(owner, ownerRule, 1);
        assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(31f);
        assertThat(MailServer.get().mailTo(ownerMailbox)).hasSize(1);
    }

    @Test
    void aTaggedRule_looksOnlyAtPointsOfItsTag_andPointsWithoutTheField_changeNothing() {
        TestDevice device = TestDevice.random();
        String body = """
                {"name": "kitchen", "channel_id": "%s", "tag": "kitchen", "field": "temp", "operator": "outside",
                 "low": 0, "high": 30}
                """.formatted(device.channel());
        String id = EventApi.createWhenChannelKnown(kafka, device, body).path("event_id");

        kafka.send(device.json("garage", "{\"temp\": 40}"));
        kafka.send(device.json("{\"temp\": 41}"));
        kafka.send(device.json("kitchen", "{\"humidity\": 99}"));
        kafka.send(device.json("kitchen", "{\"temp\": \"hot\"}"));
        kafka.send(device.binary(new byte[] {1, 2, 3}));
        kafka.send(device.json("kitchen", "{\"temp\": -2}"));

        JsonPath event = awaitSettledAlerts(device, id, 1);
        assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(-2f);
        assertThat(event.getFloat("state.last_value")).isEqualTo(-2f);
    }

    @Test
    void aBareNumber_isComparedAsValue1() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "value1", "<", "0", "{}")).path("event_id");

        kafka.send(device.json("-0.5"));

        JsonPath event = awaitSettledAlerts(device, id, 1);
        assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(-0.5f);
    }

    @Test
    void aMalformedRecord_isSkippedAndCounted_andTheRecordsAfterItAreStillEvaluated() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", ">", "30", "{}")).path("event_id");
        double before = malformedTelemetryRecords();
        TelemetryRecord valid = device.json("{\"temp\": 35}");
        List<Header> broken = valid.headers().stream()
                .map(h -> h.name().equals(RecordHeaders.CE_TIME) ? new Header(h.name(), "yesterday") : h).toList();

        kafka.send(Topics.TELEMETRY, valid.key().asString(), broken, "{\"temp\": 99}".getBytes());
        kafka.send(valid);

        JsonPath event = awaitSettledAlerts(device, id, 1);
        assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(35f);
        assertThat(malformedTelemetryRecords()).isGreaterThan(before);
    }

    @Test
    void aDisabledRule_doesNotFire() {
        TestDevice device = TestDevice.random();
        String disabled = EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">",
                "30", "{}").replace("\"actions\"", "\"enabled\": false, \"actions\"")).path("event_id");
        String enabled = EventApi.createWhenChannelKnown(kafka, device,
                EventApi.thresholdRule(device, "temp", ">", "30", "{}")).path("event_id");

        kafka.send(device.json("{\"temp\": 50}"));

        awaitSettledAlerts(device, enabled, 1);
        EventApi.as(device.tenant).get("/event/" + disabled).then().statusCode(200)
                .body("enabled", equalTo(false))
                .body("recent_alerts", empty());
    }

    @Test
    void aPut_reArmsTheRule_whichThenFiresOnTheNextCrossing() {
        TestDevice device = TestDevice.random();
        String body = EventApi.thresholdRule(device, "temp", ">", "30", "{}");
        String id = EventApi.createWhenChannelKnown(kafka, device, body).path("event_id");
        kafka.send(device.json("{\"temp\": 31}"));
        awaitSettledAlerts(device, id, 1);

        EventApi.as(device.tenant).header("If-Match", "\"1\"").body(body).put("/event/" + id).then().statusCode(200)
                .body("state.armed", equalTo(true))
                .body("state.last_fired_at", nullValue());
        kafka.send(device.json("{\"temp\": 32}"));

        JsonPath event = awaitSettledAlerts(device, id, 2);
        assertThat(event.getList("recent_alerts.value", Float.class)).containsExactly(32f, 31f);
    }

    /** Waits until the event has {@code count} alerts whose notifications are all settled; returns the event. */
    static JsonPath awaitSettledAlerts(TestDevice device, String eventId, int count) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath event = EventApi.as(device.tenant).get("/event/" + eventId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(event.getList("recent_alerts")).hasSize(count);
            assertThat(event.getList("recent_alerts.notifications.status.flatten()", String.class))
                    .doesNotContain("pending");
        });
        return EventApi.as(device.tenant).get("/event/" + eventId).then().extract().jsonPath();
    }

    static String mailbox() {
        return "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static double malformedTelemetryRecords() {
        String metrics = given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200).body(containsString("thingbus_event_malformed_records_total")).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("thingbus_event_malformed_records_total")
                        && line.contains("topic=\"" + Topics.TELEMETRY + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
