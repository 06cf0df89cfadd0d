package io.thingbus.event.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.event.domain.AlertOutcome;
import io.thingbus.event.domain.Notification;
import io.thingbus.event.domain.NotificationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One firing of a rule with the outcome of each of its notifications, as {@code GET /event/{event_id}} shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AlertResponse(
        @JsonProperty("alert_id") String alertId,
        @JsonProperty("fired_at") Instant firedAt,
        @JsonProperty("condition") String condition,
        @JsonProperty("value") BigDecimal value,
        @JsonProperty("value_time") Instant valueTime,
        @JsonProperty("notifications") List<NotificationResponse> notifications) {

    /**
     * @param nextAttemptAt when a pending notification is tried (again); null once sent or failed
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record NotificationResponse(
            @JsonProperty("channel") String channel,
            @JsonProperty("target") String target,
            @JsonProperty("status") String status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("updated_at") Instant updatedAt) {

        static NotificationResponse of(Notification notification) {
            boolean pending = notification.status() == NotificationStatus.PENDING;
            return new NotificationResponse(notification.message().channel(), notification.message().target(),
                    notification.status().wireName(), notification.attempts(),
                    notification.lastError().orElse(null), pending ? notification.nextAttemptAt() : null,
                    notification.updatedAt());
        }
    }

    static AlertResponse of(AlertOutcome outcome) {
        return new AlertResponse(outcome.alert().id().toString(), outcome.alert().firedAt(),
                outcome.alert().condition().describe(), outcome.alert().value().orElse(null),
                outcome.alert().valueTime().orElse(null),
                outcome.notifications().stream().map(NotificationResponse::of).toList());
    }
}
