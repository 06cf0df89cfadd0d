package io.thingbus.event.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.event.domain.AlertOutcome;
import io.thingbus.event.domain.Comparison;
import io.thingbus.event.domain.EmailAddress;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.Rule;
import io.thingbus.event.domain.RuleDefinition;
import io.thingbus.event.domain.RuleState;
import io.thingbus.event.domain.Tag;
import io.thingbus.event.domain.ThresholdCondition;
import io.thingbus.event.domain.WatchedRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A rule ("event") as the API shows it: its definition in the shape it is written, plus the read-only fields. The
 * webhook secret appears only in the response that created the rule; recent alerts only when one rule is read.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RuleResponse(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("name") String name,
        @JsonProperty("channel_id") String channelId,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("tag") String tag,
        @JsonProperty("field") String field,
        @JsonProperty("operator") String operator,
        @JsonProperty("threshold") BigDecimal threshold,
        @JsonProperty("low") BigDecimal low,
        @JsonProperty("high") BigDecimal high,
        @JsonProperty("no_data_minutes") BigDecimal noDataMinutes,
        @JsonProperty("rearm") RearmResponse rearm,
        @JsonProperty("actions") ActionsResponse actions,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("version") long version,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("state") StateResponse state,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("recent_alerts") List<AlertResponse> recentAlerts,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("webhook_secret") String webhookSecret) {

    /** When the rule re-arms. */
    public record RearmResponse(
            @JsonProperty("hysteresis") BigDecimal hysteresis,
            @JsonProperty("min_interval_seconds") long minIntervalSeconds) {
    }

    /** What the rule does when it fires. */
    public record ActionsResponse(
            @JsonProperty("email") List<String> email,
            @JsonProperty("webhook") WebhookResponse webhook) {
    }

    public record WebhookResponse(@JsonProperty("url") String url) {
    }

    /** Where the evaluation stands. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record StateResponse(
            @JsonProperty("armed") boolean armed,
            @JsonProperty("active_since") Instant activeSince,
            @JsonProperty("last_value") BigDecimal lastValue,
            @JsonProperty("last_point_at") Instant lastPointAt,
            @JsonProperty("last_fired_at") Instant lastFiredAt) {

        static StateResponse of(RuleState state) {
            return new StateResponse(state.armed(), state.activeSince(), state.lastValue().orElse(null),
                    state.lastPointAt().orElse(null), state.lastFiredAt().orElse(null));
        }
    }

    static RuleResponse of(WatchedRule watched) {
        return of(watched, null, null);
    }

    static RuleResponse created(WatchedRule watched) {
        return of(watched, null, watched.rule().secret().value());
    }

    static RuleResponse withAlerts(WatchedRule watched, List<AlertOutcome> alerts) {
        return of(watched, alerts.stream().map(AlertResponse::of).toList(), null);
    }

    private static RuleResponse of(WatchedRule watched, List<AlertResponse> alerts, String secret) {
        Rule rule = watched.rule();
        RuleDefinition definition = rule.definition();
        String field = null;
        Comparison comparison = null;
        if (definition.condition() instanceof ThresholdCondition threshold) {
            field = threshold.field().value();
            comparison = threshold.comparison();
        }
        BigDecimal noDataMinutes = definition.condition() instanceof NoDataCondition noData ? noData.minutes() : null;
        return new RuleResponse(rule.id().value(), definition.name().value(), definition.channel().value(),
                rule.device().value(), definition.tag().map(Tag::value).orElse(null), field,
                comparison == null ? null : comparison.operator().symbol(),
                comparison == null ? null : comparison.threshold(), comparison == null ? null : comparison.low(),
                comparison == null ? null : comparison.high(), noDataMinutes,
                new RearmResponse(definition.rearm().hysteresis(), definition.rearm().minInterval().toSeconds()),
                new ActionsResponse(definition.actions().emails().stream().map(EmailAddress::value).toList(),
                        definition.actions().webhook().map(url -> new WebhookResponse(url.toString())).orElse(null)),
                definition.enabled(), rule.version(), rule.createdAt(), rule.updatedAt(),
                StateResponse.of(watched.state()), alerts, secret);
    }
}
