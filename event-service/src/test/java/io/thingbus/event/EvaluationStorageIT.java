package io.thingbus.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.thingbus.contracts.AlertRecord;
import io.thingbus.event.domain.Actions;
import io.thingbus.event.domain.AlertComposer;
import io.thingbus.event.domain.ChannelRef;
import io.thingbus.event.domain.Comparison;
import io.thingbus.event.domain.DeliveryResult;
import io.thingbus.event.domain.EmailAddress;
import io.thingbus.event.domain.Evaluation;
import io.thingbus.event.domain.EvaluationStore;
import io.thingbus.event.domain.EventId;
import io.thingbus.event.domain.FieldName;
import io.thingbus.event.domain.Firing;
import io.thingbus.event.domain.NewAlert;
import io.thingbus.event.domain.Notification;
import io.thingbus.event.domain.NotificationQueue;
import io.thingbus.event.domain.Operator;
import io.thingbus.event.domain.PointFields;
import io.thingbus.event.domain.Reading;
import io.thingbus.event.domain.Rearm;
import io.thingbus.event.domain.Rule;
import io.thingbus.event.domain.RuleDefinition;
import io.thingbus.event.domain.RuleName;
import io.thingbus.event.domain.RuleRepository;
import io.thingbus.event.domain.RuleState;
import io.thingbus.event.domain.StreamPosition;
import io.thingbus.event.domain.TelemetryEvaluation;
import io.thingbus.event.domain.ThresholdCondition;
import io.thingbus.event.domain.WebhookSecret;
import io.thingbus.testing.InfrastructureResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The durable parts against the real database: a replayed batch, a worker that dies after claiming, and the
 * settlement of an alert. Notifications here are due far in the future, so the service's own workers leave them alone.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = MailServerResource.class, restrictToAnnotatedClass = false)
class EvaluationStorageIT {

    private static final Instant FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    @Inject
    RuleRepository rules;

    @Inject
    EvaluationStore store;

    @Inject
    NotificationQueue queue;

    @Inject
    TelemetryEvaluation evaluation;

    @Test
    void aBatchEvaluatedAgain_firesNothingTwice() {
        TestDevice device = TestDevice.random();
        Rule rule = storedRule(device, Actions.none());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Reading> batch = List.of(point(device, "11", now, 10), point(device, "5", now, 11),
                point(device, "12", now, 12));

        List<NewAlert> first = evaluation.evaluate(batch);
        List<NewAlert> replayed = evaluation.evaluate(batch);

        assertThat(first).hasSize(2);
        assertThat(replayed).isEmpty();
        assertThat(rules.recentAlerts(rule.id(), 10)).hasSize(2);
        assertThat(rules.find(device.tenant, rule.id()).orElseThrow().state().position())
                .contains(new StreamPosition(0, 12));
    }

    @Test
    void aNotificationClaimedByAWorkerThatDied_isDueAgainAfterTheLease() {
        TestDevice device = TestDevice.random();
        Rule rule = storedRule(device, new Actions(List.of(EmailAddress.of(ThresholdAlertIT.mailbox())),
                Optional.empty()));
        NewAlert alert = storeFiringDueAt(rule, FUTURE);
        UUID notification = alert.notifications().get(0).id();

        List<Notification> claimed = claimOwn(FUTURE, alert);
        List<Notification> duringLease = claimOwn(FUTURE.plusSeconds(59), alert);
        List<Notification> afterLease = claimOwn(FUTURE.plusSeconds(61), alert);

        assertThat(claimed).extracting(Notification::id).containsExactly(notification);
        assertThat(claimed.get(0).attempts()).isEqualTo(1);
        assertThat(duringLease).isEmpty();
        assertThat(afterLease).extracting(Notification::attempts).containsExactly(2);
    }

    @Test
    void theLastOutcomeOfAnAlert_settlesIt_andPublishesTheSettledRecord() {
        TestDevice device = TestDevice.random();
        Rule rule = storedRule(device, new Actions(List.of(EmailAddress.of("a@example.com"),
                EmailAddress.of("b@example.com")), Optional.empty()));
        NewAlert alert = storeFiringDueAt(rule, FUTURE);
        List<Notification> claimed = claimOwn(FUTURE, alert);

        queue.record(claimed.get(0).id(), new DeliveryResult.Sent(FUTURE));
        queue.record(claimed.get(1).id(), new DeliveryResult.Retry(FUTURE, FUTURE.plusSeconds(10), "SMTP: busy"));
        queue.record(claimed.get(1).id(), new DeliveryResult.Failed(FUTURE.plusSeconds(10), "SMTP: gone"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(KafkaTestClient.alertsOf(device.tenant))
                .hasSize(2));
        List<AlertRecord> records = KafkaTestClient.alertsOf(device.tenant).stream().map(KafkaTestClient::decode)
                .toList();
        assertThat(records).extracting(AlertRecord::status).containsExactly(AlertRecord.FIRED, AlertRecord.SETTLED);
        assertThat(records.get(1).notifications()).extracting(AlertRecord.Notification::status)
                .containsExactly("sent", "failed");
        assertThat(records.get(1).notifications().get(1).error()).isEqualTo("SMTP: gone");
        assertThat(rules.recentAlerts(rule.id(), 1).get(0).notifications())
                .extracting(n -> n.status().wireName()).containsExactly("sent", "failed");
    }

    private Rule storedRule(TestDevice device, Actions actions) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
        RuleDefinition definition = new RuleDefinition(RuleName.of("stored"), device.channel(), Optional.empty(),
                new ThresholdCondition(FieldName.of("temp"), Comparison.threshold(Operator.GREATER, BigDecimal.TEN)),
                Rearm.NONE, actions, true);
        SecureRandom random = new SecureRandom();
        Rule rule = new Rule(EventId.random(random), device.tenant, device.device, definition,
                WebhookSecret.random(random), 1, created, created);
        rules.insert(rule, RuleState.fresh(created));
        return rule;
    }

    /** Stores a firing of the rule whose notifications are first due at {@code due}. */
    private NewAlert storeFiringDueAt(Rule rule, Instant due) {
        AlertComposer composer = new AlertComposer(Clock.fixed(due, ZoneOffset.UTC));
        Instant time = rule.createdAt().plusSeconds(1);
        NewAlert alert = composer.compose(new Firing(rule, rule.device(), Optional.of(BigDecimal.valueOf(11)),
                Optional.of(time), time));
        store.evaluate(Set.of(new ChannelRef(rule.tenant(), rule.definition().channel())),
                watched -> new Evaluation(Map.of(), List.of(alert)));
        return alert;
    }

    /** Claims at {@code now}, keeping only this alert's notifications (others' may be due as well). */
    private List<Notification> claimOwn(Instant now, NewAlert alert) {
        return queue.claimDue(now, 1000, Duration.ofMinutes(1)).stream()
                .filter(n -> n.alertId().equals(alert.alert().id()))
                .sorted((a, b) -> a.message().target().compareTo(b.message().target()))
                .toList();
    }

    private static Reading point(TestDevice device, String temp, Instant time, long offset) {
        return new Reading(device.tenant, device.device, Optional.empty(), time,
                PointFields.of(Map.of("temp", new BigDecimal(temp))), new StreamPosition(0, offset));
    }
}
