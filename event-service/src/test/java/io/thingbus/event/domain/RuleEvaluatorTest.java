package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final TenantId TENANT = TenantId.of("Uowner1");
    private static final DeviceId DEVICE = DeviceId.of("dev-1");
    private static final ChannelId CHANNEL = ChannelId.defaultFor(TENANT, DEVICE);
    private static final Instant CREATED = Instant.parse("2026-11-21T10:00:00Z");

    private long offset;

    @Test
    void aValueHoveringAboveTheThreshold_firesOnce() {
        Rule rule = threshold(">", "30", Rearm.NONE);

        List<BigDecimal> fired = run(rule, "25", "31", "32", "31", "35");

        assertThat(fired).containsExactly(new BigDecimal("31"));
    }

    @Test
    void aValueBackBelowTheThreshold_reArmsTheRule() {
        Rule rule = threshold(">", "30", Rearm.NONE);

        List<BigDecimal> fired = run(rule, "31", "30", "31");

        assertThat(fired).containsExactly(new BigDecimal("31"), new BigDecimal("31"));
    }

    @Test
    void aValueInsideTheHysteresisBand_doesNotReArm() {
        Rule rule = threshold(">", "30", new Rearm(new BigDecimal("2"), Duration.ZERO));

        List<BigDecimal> fired = run(rule, "31", "29", "31", "28", "31");

        assertThat(fired).containsExactly(new BigDecimal("31"), new BigDecimal("31"));
        assertThat(fired).hasSize(2);
    }

    @Test
    void withAMinimumInterval_aReArmedRuleWaitsUntilTheIntervalIsOver() {
        Rule rule = threshold(">", "30", new Rearm(BigDecimal.ZERO, Duration.ofMinutes(10)));
        RuleState state = RuleState.fresh(CREATED);
        List<BigDecimal> fired = new ArrayList<>();

        state = apply(rule, state, "31", CREATED.plusSeconds(60), fired);
        state = apply(rule, state, "20", CREATED.plusSeconds(120), fired);
        state = apply(rule, state, "32", CREATED.plusSeconds(180), fired);
        state = apply(rule, state, "33", CREATED.plusSeconds(660), fired);

        assertThat(fired).containsExactly(new BigDecimal("31"), new BigDecimal("33"));
        assertThat(state.armed()).isFalse();
    }

    @Test
    void aPointReadAgain_changesNothing() {
        Rule rule = threshold(">", "30", Rearm.NONE);
        RuleState state = RuleState.fresh(CREATED);
        Observation crossing = point("31", CREATED.plusSeconds(1), new StreamPosition(2, 7));
        Observation clear = point("20", CREATED.plusSeconds(2), new StreamPosition(2, 8));

        state = RuleEvaluator.evaluate(rule, state, crossing).state();
        state = RuleEvaluator.evaluate(rule, state, clear).state();
        RuleEvaluator.Outcome replayed = RuleEvaluator.evaluate(rule, state, crossing);

        assertThat(replayed.firing()).isEmpty();
        assertThat(replayed.state()).isEqualTo(state);
    }

    @Test
    void pointsOlderThanTheRule_areNotJudged() {
        Rule rule = threshold(">", "30", Rearm.NONE);

        RuleEvaluator.Outcome outcome = RuleEvaluator.evaluate(rule, RuleState.fresh(CREATED),
                point("99", CREATED.minusMillis(1), new StreamPosition(0, 1)));

        assertThat(outcome.firing()).isEmpty();
        assertThat(outcome.state().lastValue()).isEmpty();
    }

    @Test
    void anotherTenantsPointOnADeviceOfTheSameName_isNotJudged() {
        Rule rule = threshold(">", "30", Rearm.NONE);
        Observation foreign = new Observation(TenantId.of("Uother1"), DEVICE, CHANNEL, Optional.empty(),
                CREATED.plusSeconds(1), PointFields.of(Map.of("temp", new BigDecimal("99"))), new StreamPosition(0, 1));

        assertThat(RuleEvaluator.evaluate(rule, RuleState.fresh(CREATED), foreign).firing()).isEmpty();
    }

    @Test
    void aPointOfTheRulesDevice_thatBelongsToAnotherChannel_isNotJudged() {
        Rule rule = threshold(">", "30", Rearm.NONE);
        Observation elsewhere = new Observation(TENANT, DEVICE, ChannelId.of("kitchen"), Optional.empty(),
                CREATED.plusSeconds(1), PointFields.of(Map.of("temp", new BigDecimal("99"))), position());

        RuleEvaluator.Outcome outcome = RuleEvaluator.evaluate(rule, RuleState.fresh(CREATED), elsewhere);

        assertThat(outcome.firing()).isEmpty();
        assertThat(outcome.state().lastPointAt()).isEmpty();
    }

    @Test
    void aPointOfAnotherDevice_thatBelongsToTheRulesChannel_firesNamingThatDevice() {
        Rule rule = threshold(">", "30", Rearm.NONE);
        DeviceId other = DeviceId.of("dev-2");
        Observation routedHere = new Observation(TENANT, other, CHANNEL, Optional.empty(), CREATED.plusSeconds(1),
                PointFields.of(Map.of("temp", new BigDecimal("31"))), position());

        RuleEvaluator.Outcome outcome = RuleEvaluator.evaluate(rule, RuleState.fresh(CREATED), routedHere);

        assertThat(outcome.firing()).hasValueSatisfying(firing -> assertThat(firing.device()).isEqualTo(other));
    }

    @Test
    void aTaggedRule_ignoresOtherTagsAndUntaggedPoints() {
        RuleDefinition definition = new RuleDefinition(RuleName.of("kitchen"), CHANNEL, Optional.of(Tag.of("kitchen")),
                new ThresholdCondition(FieldName.of("temp"), Comparison.threshold(Operator.GREATER, BigDecimal.TEN)),
                Rearm.NONE, Actions.none(), true);
        Rule rule = rule(definition);
        RuleState state = RuleState.fresh(CREATED);

        RuleEvaluator.Outcome untagged = RuleEvaluator.evaluate(rule, state, point("50", CREATED, position()));
        RuleEvaluator.Outcome garage = RuleEvaluator.evaluate(rule, state, tagged("garage", "50"));
        RuleEvaluator.Outcome kitchen = RuleEvaluator.evaluate(rule, state, tagged("kitchen", "50"));

        assertThat(untagged.firing()).isEmpty();
        assertThat(garage.firing()).isEmpty();
        assertThat(kitchen.firing()).isPresent();
    }

    @Test
    void aSilentDevice_firesItsNoDataRuleOnce_andDataReArmsIt() {
        Rule rule = rule(new RuleDefinition(RuleName.of("silent"), CHANNEL, Optional.empty(),
                new NoDataCondition(new BigDecimal("15")), Rearm.NONE, Actions.none(), true));
        RuleState state = RuleEvaluator.evaluate(rule, RuleState.fresh(CREATED),
                point("1", CREATED.plusSeconds(60), position())).state();

        RuleEvaluator.Outcome early = RuleEvaluator.checkSilence(rule, state, CREATED.plusSeconds(60 + 899), CREATED);
        RuleEvaluator.Outcome due = RuleEvaluator.checkSilence(rule, state, CREATED.plusSeconds(60 + 900), CREATED);
        RuleEvaluator.Outcome again = RuleEvaluator.checkSilence(rule, due.state(), CREATED.plusSeconds(9999), CREATED);
        RuleState rearmed = RuleEvaluator.evaluate(rule, due.state(),
                binary(CREATED.plusSeconds(10_000))).state();

        assertThat(early.firing()).isEmpty();
        assertThat(due.firing()).hasValueSatisfying(firing -> {
            assertThat(firing.valueTime()).contains(CREATED.plusSeconds(60));
            assertThat(firing.value()).isEmpty();
            assertThat(firing.device()).isEqualTo(DEVICE);
        });
        assertThat(again.firing()).isEmpty();
        assertThat(rearmed.armed()).isTrue();
    }

    @Test
    void silence_isNotCountedFromBeforeTheServiceWasWatching() {
        Rule rule = rule(new RuleDefinition(RuleName.of("silent"), CHANNEL, Optional.empty(),
                new NoDataCondition(BigDecimal.ONE), Rearm.NONE, Actions.none(), true));
        Instant restarted = CREATED.plus(Duration.ofHours(5));

        assertThat(RuleEvaluator.checkSilence(rule, RuleState.fresh(CREATED), restarted.plusSeconds(59), restarted)
                .firing()).isEmpty();
        assertThat(RuleEvaluator.checkSilence(rule, RuleState.fresh(CREATED), restarted.plusSeconds(60), restarted)
                .firing()).isPresent();
    }

    @Test
    void aDisabledRule_neverFires() {
        RuleDefinition definition = new RuleDefinition(RuleName.of("off"), CHANNEL, Optional.empty(),
                new ThresholdCondition(FieldName.of("temp"), Comparison.threshold(Operator.GREATER, BigDecimal.ZERO)),
                Rearm.NONE, Actions.none(), false);

        assertThat(run(rule(definition), "1", "2")).isEmpty();
    }

    private List<BigDecimal> run(Rule rule, String... values) {
        RuleState state = RuleState.fresh(CREATED);
        List<BigDecimal> fired = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            state = apply(rule, state, values[i], CREATED.plusSeconds(i + 1), fired);
        }
        return fired;
    }

    private RuleState apply(Rule rule, RuleState state, String value, Instant time, List<BigDecimal> fired) {
        RuleEvaluator.Outcome outcome = RuleEvaluator.evaluate(rule, state, point(value, time, position()));
        outcome.firing().flatMap(Firing::value).ifPresent(fired::add);
        return outcome.state();
    }

    private StreamPosition position() {
        return new StreamPosition(0, ++offset);
    }

    private static Observation point(String temp, Instant time, StreamPosition position) {
        return new Observation(TENANT, DEVICE, CHANNEL, Optional.empty(), time,
                PointFields.of(Map.of("temp", new BigDecimal(temp))), position);
    }

    private Observation tagged(String tag, String temp) {
        return new Observation(TENANT, DEVICE, CHANNEL, Optional.of(tag), CREATED, PointFields.of(Map.of("temp",
                new BigDecimal(temp))), position());
    }

    private Observation binary(Instant time) {
        return new Observation(TENANT, DEVICE, CHANNEL, Optional.empty(), time, PointFields.none(), position());
    }

    private static Rule threshold(String operator, String threshold, Rearm rearm) {
        return rule(new RuleDefinition(RuleName.of("rule"), CHANNEL, Optional.empty(),
                new ThresholdCondition(FieldName.of("temp"),
                        Comparison.threshold(Operator.fromSymbol(operator).orElseThrow(), new BigDecimal(threshold))),
                rearm, Actions.none(), true));
    }

    private static Rule rule(RuleDefinition definition) {
        return new Rule(EventId.of("E" + "a".repeat(20)), TENANT, DEVICE, definition,
                new WebhookSecret("whsec_" + "A".repeat(40)), 1, CREATED, CREATED);
    }
}
