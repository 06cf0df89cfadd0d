package io.thingbus.event.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.thingbus.contracts.ChannelId;
import io.thingbus.event.domain.Actions;
import io.thingbus.event.domain.Comparison;
import io.thingbus.event.domain.Condition;
import io.thingbus.event.domain.EmailAddress;
import io.thingbus.event.domain.FieldName;
import io.thingbus.event.domain.InvalidRuleException;
import io.thingbus.event.domain.InvalidRuleException.Violation;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.Operator;
import io.thingbus.event.domain.Rearm;
import io.thingbus.event.domain.RuleDefinition;
import io.thingbus.event.domain.RuleName;
import io.thingbus.event.domain.RuleNumber;
import io.thingbus.event.domain.Tag;
import io.thingbus.event.domain.ThresholdCondition;
import io.thingbus.event.domain.WebhookUrl;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the JSON body of {@code POST /event} and {@code PUT /event/{id}} into a {@link RuleDefinition}, collecting
 * every violation with the field it concerns ({@code operator}, {@code actions.email[1]}; empty for the body itself),
 * so that a client learns all of them at once. Unknown fields are refused (a misspelt {@code treshold} must not be
 * ignored), except the read-only fields of a rule's representation, so that a rule read with {@code GET} can be sent
 * back with {@code PUT}. Not thread-safe: one instance per request.
 */
final class RuleBodyParser {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final Set<String> FIELDS = Set.of("name", "channel_id", "tag", "field", "operator", "threshold",
            "low", "high", "rearm", "no_data_minutes", "actions", "enabled");
    private static final Set<String> READ_ONLY = Set.of("event_id", "device_id", "version", "created_at", "updated_at",
            "state", "recent_alerts", "webhook_secret");

    private final List<Violation> violations = new ArrayList<>();

    private RuleBodyParser() {
    }

    /** @throws InvalidRuleException listing every violation */
    static RuleDefinition parse(String body) {
        return new RuleBodyParser().definition(body);
    }

    private RuleDefinition definition(String body) {
        JsonNode json = read(body);
        checkFields(json, "", FIELDS, READ_ONLY);
        Optional<RuleName> name = required(json, "name", RuleName::of);
        Optional<ChannelId> channel = required(json, "channel_id", ChannelId::of);
        Optional<Tag> tag = optionalText(json, "tag", Tag::of);
        Optional<Condition> condition = condition(json);
        Rearm rearm = rearm(json.get("rearm"));
        Actions actions = actions(json.get("actions"));
        boolean enabled = enabled(json.get("enabled"));
        requireValid();
        return new RuleDefinition(name.get(), channel.get(), tag, condition.get(), rearm, actions, enabled);
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw InvalidRuleException.of("", "a JSON object describing the event is required");
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw InvalidRuleException.of("", "must be a JSON object");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw InvalidRuleException.of("", "is not valid JSON");
        }
    }

    private Optional<Condition> condition(JsonNode json) {
        boolean noData = present(json, "no_data_minutes");
        boolean threshold = present(json, "operator");
        if (noData && threshold) {
            violation("no_data_minutes", "a rule compares a field (operator) or watches for silence "
                    + "(no_data_minutes), not both");
            return Optional.empty();
        }
        if (noData) {
            return noDataCondition(json);
        }
        if (!threshold) {
            violation("operator", "is required (" + Operator.symbols() + "), or no_data_minutes for a no-data rule");
            return Optional.empty();
        }
        return thresholdCondition(json);
    }

    private Optional<Condition> noDataCondition(JsonNode json) {
        for (String unused : List.of("field", "threshold", "low", "high")) {
            if (present(json, unused)) {
                violation(unused, "does not apply to a no-data rule");
            }
        }
        return numberOf(json, "no_data_minutes").flatMap(minutes -> build("no_data_minutes",
                () -> new NoDataCondition(minutes)));
    }

    private Optional<Condition> thresholdCondition(JsonNode json) {
        Optional<FieldName> field = required(json, "field", FieldName::of);
        Optional<Operator> operator = required(json, "operator", symbol -> Operator.fromSymbol(symbol)
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Operator.symbols())));
        if (operator.isEmpty()) {
            return Optional.empty();
        }
        Optional<Comparison> comparison = operator.get().isRange()
                ? range(json, operator.get()) : threshold(json, operator.get());
        if (field.isEmpty() || comparison.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ThresholdCondition(field.get(), comparison.get()));
    }

    private Optional<Comparison> threshold(JsonNode json, Operator operator) {
        for (String unused : List.of("low", "high")) {
            if (present(json, unused)) {
                violation(unused, "applies to outside and inside only; " + operator.symbol() + " takes threshold");
            }
        }
        if (!present(json, "threshold")) {
            violation("threshold", "is required for " + operator.symbol());
            return Optional.empty();
        }
        return ruleNumber(json, "threshold").map(threshold -> Comparison.threshold(operator, threshold));
    }

    private Optional<Comparison> range(JsonNode json, Operator operator) {
        if (present(json, "threshold")) {
            violation("threshold", "does not apply to " + operator.symbol() + ", which takes low and high");
        }
        for (String bound : List.of("low", "high")) {
            if (!present(json, bound)) {
                violation(bound, "is required for " + operator.symbol());
            }
        }
        Optional<BigDecimal> low = present(json, "low") ? ruleNumber(json, "low") : Optional.empty();
        Optional<BigDecimal> high = present(json, "high") ? ruleNumber(json, "high") : Optional.empty();
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        if (low.get().compareTo(high.get()) >= 0) {
            violation("high", "must be greater than low");
            return Optional.empty();
        }
        return Optional.of(Comparison.range(operator, low.get(), high.get()));
    }

    private Rearm rearm(JsonNode json) {
        if (json == null || json.isNull()) {
            return Rearm.NONE;
        }
        if (!json.isObject()) {
            violation("rearm", "must be an object");
            return Rearm.NONE;
        }
        checkFields(json, "rearm.", Set.of("hysteresis", "min_interval_seconds"), Set.of());
        BigDecimal hysteresis = BigDecimal.ZERO;
        if (present(json, "hysteresis")) {
            hysteresis = number(json.get("hysteresis"), "rearm.hysteresis")
                    .flatMap(value -> build("rearm.hysteresis", () -> checkedHysteresis(value)))
                    .orElse(BigDecimal.ZERO);
        }
        Duration interval = Duration.ZERO;
        if (present(json, "min_interval_seconds")) {
            interval = seconds(json.get("min_interval_seconds")).orElse(Duration.ZERO);
        }
        Duration minInterval = interval;
        BigDecimal band = hysteresis;
        return build("rearm", () -> new Rearm(band, minInterval)).orElse(Rearm.NONE);
    }

    private static BigDecimal checkedHysteresis(BigDecimal value) {
        BigDecimal checked = RuleNumber.of(value);
        if (checked.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        return checked;
    }

    private Optional<Duration> seconds(JsonNode json) {
        String field = "rearm.min_interval_seconds";
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            violation(field, "must be a whole number of seconds");
            return Optional.empty();
        }
        long seconds = json.longValue();
        if (seconds < 0 || seconds > Rearm.MAX_INTERVAL_SECONDS) {
            violation(field, "must be 0 to " + Rearm.MAX_INTERVAL_SECONDS + " seconds");
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    private Actions actions(JsonNode json) {
        if (json == null || json.isNull()) {
            return Actions.none();
        }
        if (!json.isObject()) {
            violation("actions", "must be an object with email and/or webhook");
            return Actions.none();
        }
        checkFields(json, "actions.", Set.of("email", "webhook"), Set.of());
        List<EmailAddress> emails = emails(json.get("email"));
        Optional<WebhookUrl> webhook = webhook(json.get("webhook"));
        return build("actions.email", () -> new Actions(emails, webhook)).orElse(Actions.none());
    }

    private List<EmailAddress> emails(JsonNode json) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            violation("actions.email", "must be an array of e-mail addresses");
            return List.of();
        }
        List<EmailAddress> emails = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            text(json.get(i), "actions.email[" + i + "]", EmailAddress::of).ifPresent(emails::add);
        }
        return emails;
    }

    private Optional<WebhookUrl> webhook(JsonNode json) {
        if (json == null || json.isNull()) {
            return Optional.empty();
        }
        if (!json.isObject()) {
            violation("actions.webhook", "must be an object with url");
            return Optional.empty();
        }
        checkFields(json, "actions.webhook.", Set.of("url"), Set.of());
        if (!present(json, "url")) {
            violation("actions.webhook.url", "is required");
            return Optional.empty();
        }
        return text(json.get("url"), "actions.webhook.url", WebhookUrl::of);
    }

    private boolean enabled(JsonNode json) {
        if (json == null || json.isNull()) {
            return true;
        }
        if (!json.isBoolean()) {
            violation("enabled", "must be true or false");
            return true;
        }
        return json.booleanValue();
    }

    private void checkFields(JsonNode json, String prefix, Set<String> known, Set<String> ignored) {
        Set<String> seen = new HashSet<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name) && !ignored.contains(name) && seen.add(name)) {
                violation(prefix + name, "is not a field of an event");
            }
        }
    }

    private <T> Optional<T> required(JsonNode json, String field, Function<String, T> parser) {
        if (!present(json, field)) {
            violation(field, "is required");
            return Optional.empty();
        }
        return text(json.get(field), field, parser);
    }

    private <T> Optional<T> optionalText(JsonNode json, String field, Function<String, T> parser) {
        return present(json, field) ? text(json.get(field), field, parser) : Optional.empty();
    }

    private <T> Optional<T> text(JsonNode json, String field, Function<String, T> parser) {
        if (!json.isTextual()) {
            violation(field, "must be a string");
            return Optional.empty();
        }
        return build(field, () -> parser.apply(json.textValue()));
    }

    private Optional<BigDecimal> ruleNumber(JsonNode json, String field) {
        return numberOf(json, field).flatMap(value -> build(field, () -> RuleNumber.of(value)));
    }

    private Optional<BigDecimal> numberOf(JsonNode object, String field) {
        return number(object.get(field), field);
    }

    private Optional<BigDecimal> number(JsonNode json, String field) {
        if (json == null || !json.isNumber()) {
            violation(field, "must be a number");
            return Optional.empty();
        }
        return Optional.of(json.decimalValue());
    }

    private <T> Optional<T> build(String field, Supplier<T> factory) {
        try {
            return Optional.of(factory.get());
        } catch (IllegalArgumentException e) {
            violation(field, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean present(JsonNode json, String field) {
        return json.hasNonNull(field);
    }

    private void violation(String field, String message) {
        violations.add(new Violation(field, message));
    }

    private void requireValid() {
        if (!violations.isEmpty()) {
            throw new InvalidRuleException(violations);
        }
    }
}
