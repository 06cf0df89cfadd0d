package io.thingbus.event.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingbus.contracts.AlertRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a firing into an alert with its notifications: one plain-text mail per address of the rule, and one signed
 * JSON POST to its webhook. Thread-safe.
 */
public final class AlertComposer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    public AlertComposer(Clock clock) {
        this.clock = clock;
    }

    public NewAlert compose(Firing firing) {
        Alert alert = firing.toAlert(UUID.randomUUID());
        Instant now = clock.instant();
        List<Notification> notifications = new ArrayList<>();
        Actions actions = firing.rule().definition().actions();
        for (EmailAddress address : actions.emails()) {
            notifications.add(Notification.queued(alert.id(), mail(alert, address), now));
        }
        actions.webhook().ifPresent(url -> notifications.add(
                Notification.queued(alert.id(), webhook(alert, url, firing.rule().secret()), now)));
        return new NewAlert(alert, notifications, AlertRecords.of(alert, notifications, AlertRecord.FIRED));
    }

    static MailMessage mail(Alert alert, EmailAddress to) {
        String subject = "[Thingbus] " + alert.eventName() + ": " + alert.condition().describe() + " on "
                + alert.device() + alert.value().map(v -> " (" + v.toPlainString() + ")").orElse("");
        return new MailMessage(to, subject, mailText(alert));
    }

    private static String mailText(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append("The event \"").append(alert.eventName()).append("\" fired.\n\n");
        line(text, "Condition", alert.condition().describe());
        if (alert.condition() instanceof ThresholdCondition) {
            line(text, "Value", alert.value().map(BigDecimal::toPlainString).orElse("") + " at "
                    + alert.valueTime().map(Instant::toString).orElse(""));
        } else {
            line(text, "Last data", alert.valueTime().map(Instant::toString)
                    .orElse("none since the event was created or last changed"));
        }
        line(text, "Device", alert.device().value());
        line(text, "Channel", alert.channel().value());
        line(text, "Tag", alert.tag().map(Tag::value).orElse("(every tag)"));
        line(text, "Fired at", alert.firedAt().toString());
        line(text, "Event id", alert.eventId().value());
        line(text, "Alert id", alert.id().toString());
        text.append("\nSent by Thingbus. The event's recent alerts: GET /event/").append(alert.eventId()).append('\n');
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-10s %s%n", label + ":", value));
    }

    static WebhookMessage webhook(Alert alert, WebhookUrl url, WebhookSecret secret) {
        String body = webhookBody(alert);
        return new WebhookMessage(url, body, WebhookSignature.sign(secret, body), alert.id());
    }

    /** The webhook body: the alert record's fields without status and notifications, plus a readable description. */
    static String webhookBody(Alert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert_id", alert.id().toString());
        body.put("event_id", alert.eventId().value());
        body.put("event_name", alert.eventName().value());
        body.put("tenant", alert.tenant().value());
        body.put("device_id", alert.device().value());
        body.put("channel_id", alert.channel().value());
        body.put("tag", alert.tag().map(Tag::value).orElse(null));
        body.put("condition", AlertRecords.condition(alert.condition()));
        body.put("description", alert.condition().describe());
        body.put("value", alert.value().orElse(null));
        body.put("value_time", alert.valueTime().map(Instant::toString).orElse(null));
        body.put("fired_at", alert.firedAt().toString());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
