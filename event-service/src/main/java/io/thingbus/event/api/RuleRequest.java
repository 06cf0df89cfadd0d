package io.thingbus.event.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /event} and {@code PUT /event/{event_id}}, for the OpenAPI document. Requests are read by
 * {@link RuleBodyParser}, which names every invalid field; this type only describes them.
 */
@Schema(name = "EventDefinition", description = "A threshold rule (operator with field) or a no-data rule "
        + "(no_data_minutes) on one of the caller's channels")
public record RuleRequest(
        @Schema(required = true, maxLength = 200, description = "what the rule is called (appears in mail subjects)")
        @JsonProperty("name") String name,
        @Schema(required = true, description = "the channel watched: one of the caller's devices' channels")
        @JsonProperty("channel_id") String channelId,
        @Schema(description = "only points of this tag; absent or null: every point of the channel")
        @JsonProperty("tag") String tag,
        @Schema(description = "the payload field compared (a bare number is value1); threshold rules only")
        @JsonProperty("field") String field,
        @Schema(enumeration = {">", ">=", "<", "<=", "==", "!=", "outside", "inside"},
                description = "the comparison; absent for a no-data rule")
        @JsonProperty("operator") String operator,
        @Schema(description = "the threshold of > >= < <= == !=") @JsonProperty("threshold") BigDecimal threshold,
        @Schema(description = "lower bound of outside/inside (included in the range)") @JsonProperty("low")
        BigDecimal low,
        @Schema(description = "upper bound of outside/inside (included in the range)") @JsonProperty("high")
        BigDecimal high,
        @Schema(description = "when a threshold rule that fired may fire again") @JsonProperty("rearm")
        RuleResponse.RearmResponse rearm,
        @Schema(description = "fire when the channel received no point for this many minutes (fractions allowed); "
                + "instead of field and operator") @JsonProperty("no_data_minutes") BigDecimal noDataMinutes,
        @Schema(description = "e-mail addresses (at most 10) and/or a webhook") @JsonProperty("actions")
        Actions actions,
        @Schema(description = "false: the rule is kept but not evaluated (default true)") @JsonProperty("enabled")
        Boolean enabled) {

    /** The notifications of a firing. */
    public record Actions(
            @JsonProperty("email") List<String> email,
            @JsonProperty("webhook") RuleResponse.WebhookResponse webhook) {
    }
}
