package io.thingbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.RecordHeaders;
import io.thingbus.contracts.Topics;
import io.thingbus.testing.InfrastructureResource;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No-data rules of a few seconds (0.05 minutes = 3 s); the service checks every 300 ms in tests. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class NoDataIT extends KafkaClientFixture {

    @Test
    void aSilentDevice_triggersTheNoDataRule_andDataReArmsIt() throws Exception {
        TestDevice device = TestDevice.random();
        String mailbox = ThresholdAlertIT.mailbox();
        String id = EventApi.createWhenChannelKnown(kafka, device, noDataRule(device, mailbox, "0.05"))
                .path("event_id");
        kafka.send(device.json("{\"temp\": 20}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                EventApi.as(device.tenant).get("/event/" + id).then().extract().<String>path("state.last_point_at"))
                .isNotNull());

        JsonPath event = ThresholdAlertIT.awaitSettledAlerts(device, id, 1);

        assertThat(event.getBoolean("state.armed")).isFalse();
        assertThat(event.getString("recent_alerts[0].condition")).isEqualTo("no data for 0.05 minutes");
        assertThat(event.getString("recent_alerts[0].value")).isNull();
        assertThat(event.getString("recent_alerts[0].value_time")).isEqualTo(event.getString("state.last_point_at"));
        List<MimeMessage> mails = MailServer.get().mailTo(mailbox);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("[Thingbus] silent: no data for 0.05 minutes on "
                + device.device);

        kafka.send(device.binary(new byte[] {42}));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                EventApi.as(device.tenant).get("/event/" + id).then().extract().<Boolean>path("state.armed")).isTrue());
    }

    @Test
    void aDeletedDevice_doesNotTriggerItsNoDataRule() {
        TestDevice deleted = TestDevice.random();
        String deletedRule = EventApi.createWhenChannelKnown(kafka, deleted, noDataRule(deleted, null, "0.1"))
                .path("event_id");
        kafka.send(Topics.DEVICES, deleted.tenant + "/" + deleted.device,
                List.of(new Header(RecordHeaders.TENANT, deleted.tenant.value())), null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                EventApi.as(deleted.tenant).body(noDataRule(deleted, null, "0.1")).post("/event").then().statusCode(400));
        TestDevice kept = TestDevice.random();
        String keptRule = EventApi.createWhenChannelKnown(kafka, kept, noDataRule(kept, null, "0.1"))
                .path("event_id");

        ThresholdAlertIT.awaitSettledAlerts(kept, keptRule, 1);

        EventApi.as(deleted.tenant).get("/event/" + deletedRule).then().statusCode(200)
                .body("recent_alerts", empty())
                .body("state.armed", equalTo(true));
    }

    private static String noDataRule(TestDevice device, String mailbox, String minutes) {
        String actions = mailbox == null ? "{}" : "{\"email\": [\"" + mailbox + "\"]}";
        return """
                {"name": "silent", "channel_id": "%s", "no_data_minutes": %s, "actions": %s}
                """.formatted(device.channel(), minutes, actions);
    }
}
