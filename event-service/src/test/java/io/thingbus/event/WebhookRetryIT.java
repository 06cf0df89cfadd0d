package io.thingbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.thingbus.contracts.AlertRecord;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service runs with 3 attempts and a 300 ms first backoff in tests (application.properties, %test). */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class WebhookRetryIT extends KafkaClientFixture {

    @Test
    void aWebhookThatKeepsFailing_isRetriedThenRecordedAsFailed() throws Exception {
        TestDevice device = TestDevice.random();
        try (WebhookReceiver receiver = WebhookReceiver.failing(Integer.MAX_VALUE, 500)) {
            String id = EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">", "30",
                    "{\"webhook\": {\"url\": \"" + receiver.url("/hook") + "\"}}")).path("event_id");

            kafka.send(device.json("{\"temp\": 31}"));

            JsonPath event = ThresholdAlertIT.awaitSettledAlerts(device, id, 1);
            assertThat(event.getString("recent_alerts[0].notifications[0].status")).isEqualTo("failed");
            assertThat(event.getInt("recent_alerts[0].notifications[0].attempts")).isEqualTo(3);
            assertThat(event.getString("recent_alerts[0].notifications[0].last_error")).isEqualTo("HTTP 500");
            assertThat(event.getString("recent_alerts[0].notifications[0].next_attempt_at")).isNull();
            List<WebhookReceiver.Received> attempts = receiver.received();
            assertThat(attempts).hasSize(3);
            assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
            assertThat(attempts).extracting(r -> r.header("X-Thingbus-Signature"))
                    .containsOnly(attempts.get(0).header("X-Thingbus-Signature"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaTestClient.alertsOf(device.tenant).stream().map(KafkaTestClient::decode)
                            .filter(r -> r.status().equals(AlertRecord.SETTLED)).toList())
                    .singleElement().satisfies(settled -> {
                        assertThat(settled.notifications().get(0).status()).isEqualTo("failed");
                        assertThat(settled.notifications().get(0).attempts()).isEqualTo(3);
                        assertThat(settled.notifications().get(0).error()).isEqualTo("HTTP 500");
                    }));
        }
    }

    @Test
    void aWebhookThatRecovers_isSentOnALaterAttempt() throws Exception {
        TestDevice device = TestDevice.random();
        try (WebhookReceiver receiver = WebhookReceiver.failing(2, 503)) {
            String id = EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">", "30",
                    "{\"webhook\": {\"url\": \"" + receiver.url("/hook") + "\"}}")).path("event_id");

            kafka.send(device.json("{\"temp\": 31}"));

            JsonPath event = ThresholdAlertIT.awaitSettledAlerts(device, id, 1);
            assertThat(event.getString("recent_alerts[0].notifications[0].status")).isEqualTo("sent");
            assertThat(event.getInt("recent_alerts[0].notifications[0].attempts")).isEqualTo(3);
            assertThat(event.getString("recent_alerts[0].notifications[0].last_error")).isNull();
            assertThat(receiver.received()).hasSize(3);
        }
    }

    @Test
    void anUnreachableWebhook_isRecordedAsFailedWithTheReason() {
        TestDevice device = TestDevice.random();
        String id = EventApi.createWhenChannelKnown(kafka, device, EventApi.thresholdRule(device, "temp", ">", "30",
                "{\"webhook\": {\"url\": \"http://127.0.0.1:9/hook\"}}")).path("event_id");

        kafka.send(device.json("{\"temp\": 31}"));

        JsonPath event = ThresholdAlertIT.awaitSettledAlerts(device, id, 1);
        assertThat(event.getString("recent_alerts[0].notifications[0].status")).isEqualTo("failed");
        assertThat(event.getString("recent_alerts[0].notifications[0].last_error")).startsWith("connection failed");
    }
}
