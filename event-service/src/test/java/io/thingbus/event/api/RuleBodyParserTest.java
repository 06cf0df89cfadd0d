package io.thingbus.event.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.event.domain.InvalidRuleException;
import io.thingbus.event.domain.NoDataCondition;
import io.thingbus.event.domain.Operator;
import io.thingbus.event.domain.RuleDefinition;
import io.thingbus.event.domain.ThresholdCondition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleBodyParserTest {

    private static final String CHANNEL = "C0123456789abcdef0123";

    @Test
    void aFullThresholdRule_isRead() {
        RuleDefinition rule = RuleBodyParser.parse("""
                {"name": "Too warm", "channel_id": "%s", "tag": "kitchen", "field": "temp", "operator": ">=",
                 "threshold": 30.50, "rearm": {"hysteresis": 1, "min_interval_seconds": 60},
                 "actions": {"email": ["a@example.com", "b@example.org"], "webhook": {"url": "https://x.example/h"}},
                 "enabled": false}
                """.formatted(CHANNEL));

        ThresholdCondition condition = (ThresholdCondition) rule.condition();
        assertThat(rule.name().value()).isEqualTo("Too warm");
        assertThat(rule.tag()).hasValueSatisfying(tag -> assertThat(tag.value()).isEqualTo("kitchen"));
        assertThat(condition.field().value()).isEqualTo("temp");
        assertThat(condition.comparison().operator()).isEqualTo(Operator.GREATER_OR_EQUAL);
        assertThat(condition.comparison().threshold()).isEqualTo(new BigDecimal("30.50"));
        assertThat(rule.rearm().hysteresis()).isEqualTo(BigDecimal.ONE);
        assertThat(rule.rearm().minInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(rule.actions().emails()).hasSize(2);
        assertThat(rule.actions().webhook()).isPresent();
        assertThat(rule.enabled()).isFalse();
    }

    @Test
    void aNoDataRule_isRead() {
        RuleDefinition rule = RuleBodyParser.parse("""
                {"name": "silent", "channel_id": "%s", "no_data_minutes": 0.5}
                """.formatted(CHANNEL));

        assertThat(((NoDataCondition) rule.condition()).silence()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.enabled()).isTrue();
        assertThat(rule.actions().emails()).isEmpty();
    }

    @Test
    void everyViolation_isReportedWithItsField() {
        assertThat(violations("""
                {"channel_id": "no/slash", "operator": "~", "threshold": "30", "colour": "red",
                 "actions": {"email": ["ok@example.com", "broken", 7], "webhook": {"url": "javascript:alert(1)"},
                             "sms": ["+4912345"]}}
                """)).containsExactlyInAnyOrder("name", "channel_id", "operator", "field", "colour",
                "actions.email[1]", "actions.email[2]", "actions.webhook.url", "actions.sms");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"operator\": \">\"                                              | threshold",
            "\"operator\": \">\", \"threshold\": 1, \"low\": 0               | low",
            "\"operator\": \"inside\", \"threshold\": 1, \"low\": 0, \"high\": 2 | threshold",
            "\"operator\": \"inside\", \"low\": 5, \"high\": 5               | high",
            "\"operator\": \"==\", \"threshold\": 1, \"rearm\": {\"hysteresis\": 1} | rearm.hysteresis",
            "\"operator\": \"outside\", \"low\": 0, \"high\": 1, \"rearm\": {\"hysteresis\": 0.6} | rearm.hysteresis",
            "\"operator\": \">\", \"threshold\": 1, \"rearm\": {\"hysteresis\": -1} | rearm.hysteresis",
            "\"operator\": \">\", \"threshold\": 1, \"rearm\": {\"min_interval_seconds\": 1.5} | rearm.min_interval_seconds",
            "\"operator\": \">\", \"threshold\": 1e40                        | threshold",
            "\"operator\": \">\", \"threshold\": 1, \"no_data_minutes\": 5   | no_data_minutes",
            "\"no_data_minutes\": 0                                          | no_data_minutes",
            "\"no_data_minutes\": 5, \"threshold\": 1                        | threshold",
            "\"no_data_minutes\": 5, \"rearm\": {\"hysteresis\": 1}          | rearm",
            "\"operator\": \">\", \"threshold\": 1, \"enabled\": \"yes\"     | enabled",
            "\"operator\": \">\", \"threshold\": 1, \"tag\": \"\"            | tag"})
    void aConditionThatDoesNotFit_namesTheField(String condition, String field) {
        String body = "{\"name\": \"n\", \"channel_id\": \"" + CHANNEL + "\", \"field\": \"temp\", " + condition + "}";
        if (condition.contains("no_data_minutes") && !condition.contains("operator")) {
            body = body.replace("\"field\": \"temp\", ", "");
        }

        assertThat(violations(body)).containsExactly(field);
    }

    @Test
    void moreThanTenOrRepeatedAddresses_areRefused() {
        String eleven = IntStream.range(0, 11).mapToObj(i -> "\"a" + i + "@example.com\"")
                .collect(Collectors.joining(", "));
        assertThat(violations(base("\"actions\": {\"email\": [" + eleven + "]}"))).containsExactly("actions.email");
        assertThat(violations(base("\"actions\": {\"email\": [\"a@example.com\", \"a@example.com\"]}")))
                .containsExactly("actions.email");
    }

    @Test
    void theReadOnlyFieldsOfARule_areIgnored() {
        RuleDefinition rule = RuleBodyParser.parse(base("\"event_id\": \"Eaaaaaaaaaaaaaaaaaaaa\", \"version\": 3, "
                + "\"state\": {\"armed\": true}, \"recent_alerts\": [], \"device_id\": \"d\""));

        assertThat(rule.name().value()).isEqualTo("n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'[1, 2]'", "'{\"name\": '", "'{} {}'"})
    void aBodyThatIsNotOneJsonObject_isRefusedAsTheBody(String body) {
        assertThat(violations(body)).containsExactly("");
    }

    private static String base(String extra) {
        return "{\"name\": \"n\", \"channel_id\": \"" + CHANNEL + "\", \"field\": \"temp\", \"operator\": \">\", "
                + "\"threshold\": 1, " + extra + "}";
    }

    private static List<String> violations(String body) {
        try {
            RuleBodyParser.parse(body);
        } catch (InvalidRuleException e) {
            return e.violations().stream().map(InvalidRuleException.Violation::field).toList();
        }
        throw new AssertionError("the body was accepted: " + body);
    }
}
