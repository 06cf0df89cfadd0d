package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.AlertRecord;
import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:05Z");
    private static final Instant POINT = Instant.parse("2026-11-21T10:00:00.123Z");
    private static final TenantId TENANT = TenantId.of("Uowner1");
    private static final DeviceId DEVICE = DeviceId.of("freezer-1");
    private static final WebhookSecret SECRET = new WebhookSecret("whsec_" + "k".repeat(40));

    private final AlertComposer composer = new AlertComposer(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFiring_queuesOneMailPerAddressAndOneWebhook_andAFiredRecord() {
        NewAlert alert = composer.compose(firing(List.of("a@example.com", "b@example.com")));

        assertThat(alert.notifications()).extracting(n -> n.message().target())
                .containsExactly("a@example.com", "b@example.com", "https://hooks.example.com/t/secret");
        assertThat(alert.notifications()).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.PENDING);
            assertThat(n.nextAttemptAt()).isEqualTo(NOW);
            assertThat(n.attempts()).isZero();
        });
        assertThat(alert.record().status()).isEqualTo(AlertRecord.FIRED);
        assertThat(alert.record().notifications()).extracting(AlertRecord.Notification::target)
                .containsExactly("a@example.com", "b@example.com", "https://hooks.example.com");
    }

    @Test
    void theMail_namesRuleConditionValueAndDevice() {
        MailMessage mail = (MailMessage) composer.compose(firing(List.of("a@example.com"))).notifications().get(0)
                .message();

        assertThat(mail.subject()).isEqualTo("[Thingbus] Freezer too warm: temp > -18 on freezer-1 (-17.5)");
        assertThat(mail.text()).contains("Condition: temp > -18").contains("Value:     -17.5 at 2026-11-21T10:00:00.123Z")
                .contains("Device:    freezer-1");
    }

    @Test
    void theWebhookBody_describesTheFiring_andIsSignedWithTheRulesSecret() throws Exception {
        WebhookMessage webhook = (WebhookMessage) composer.compose(firing(List.of())).notifications().get(0)
                .message();
        JsonNode body = new ObjectMapper().readTree(webhook.body());

        assertThat(webhook.signature()).isEqualTo(WebhookSignature.sign(SECRET, webhook.body()));
        assertThat(webhook.headers()).containsEntry("X-Thingbus-Alert-Id", body.get("alert_id").asText());
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("alert_id", "event_id", "event_name", "tenant", "device_id", "channel_id",
                "tag", "condition", "description", "value", "value_time", "fired_at");
        assertThat(body.get("value").decimalValue()).isEqualByComparingTo("-17.5");
        assertThat(body.get("value_time").asText()).isEqualTo("2026-11-21T10:00:00.123Z");
        assertThat(body.get("condition").get("threshold").asInt()).isEqualTo(-18);
        assertThat(body.get("description").asText()).isEqualTo("temp > -18");
    }

    @Test
    void theSignature_isTheHexHmacSha256OfTheBody() {
        // computed independently: printf '%s' '{"a":1}' | openssl dgst -sha256 -hmac 'whsec_kkkk…' (40 × k)
        assertThat(WebhookSignature.sign(SECRET, "{\"a\":1}"))
                .isEqualTo("sha256=758bd15050e0f7ddf10e7085d7a4c991a06325789e6ad05de32fa7c72fba6d43");
    }

    private static Firing firing(List<String> emails) {
        RuleDefinition definition = new RuleDefinition(RuleName.of("Freezer too warm"),
                ChannelId.defaultFor(TENANT, DEVICE), Optional.empty(),
                new ThresholdCondition(FieldName.of("temp"),
                        Comparison.threshold(Operator.GREATER, new BigDecimal("-18"))),
                Rearm.NONE, new Actions(emails.stream().map(EmailAddress::of).toList(),
                        Optional.of(new WebhookUrl(URI.create("https://hooks.example.com/t/secret")))), true);
        Rule rule = new Rule(EventId.of("E" + "b".repeat(20)), TENANT, DEVICE, definition, SECRET, 1, NOW, NOW);
        return new Firing(rule, DEVICE, Optional.of(new BigDecimal("-17.5")), Optional.of(POINT), POINT);
    }
}
