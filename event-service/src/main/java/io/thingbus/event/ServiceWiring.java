package io.thingbus.event;

import io.quarkus.runtime.StartupEvent;
import io.thingbus.event.config.AlertConfig;
import io.thingbus.event.config.ConsumerConfig;
import io.thingbus.event.config.NoDataConfig;
import io.thingbus.event.config.NotificationConfig;
import io.thingbus.event.config.WebhookConfig;
import io.thingbus.event.domain.AlertComposer;
import io.thingbus.event.domain.ChannelDirectory;
import io.thingbus.event.domain.EvaluationStore;
import io.thingbus.event.domain.MailSender;
import io.thingbus.event.domain.NoDataWatch;
import io.thingbus.event.domain.NotificationDispatch;
import io.thingbus.event.domain.NotificationQueue;
import io.thingbus.event.domain.RetryPolicy;
import io.thingbus.event.domain.RuleRepository;
import io.thingbus.event.domain.RuleService;
import io.thingbus.event.domain.TelemetryEvaluation;
import io.thingbus.event.domain.WebhookSender;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds the framework-free domain objects from their adapters, and checks settings that depend on each other. */
@Singleton
public class ServiceWiring {

    /** Milliseconds: the precision of telemetry times, and exactly what the database keeps. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Produces
    @Singleton
    SecureRandom random() {
        return new SecureRandom();
    }

    @Produces
    @Singleton
    AlertComposer alertComposer(Clock clock) {
        return new AlertComposer(clock);
    }

    @Produces
    @Singleton
    RuleService ruleService(RuleRepository rules, ChannelDirectory channels, SecureRandom random, Clock clock,
            AlertConfig alerts) {
        return new RuleService(rules, channels, random, clock, alerts.recentLimit());
    }

    @Produces
    @Singleton
    TelemetryEvaluation telemetryEvaluation(EvaluationStore store, ChannelDirectory channels,
            AlertComposer composer) {
        return new TelemetryEvaluation(store, channels, composer);
    }

    @Produces
    @Singleton
    NoDataWatch noDataWatch(EvaluationStore store, AlertComposer composer, Clock clock, NoDataConfig config) {
        return new NoDataWatch(store, composer, clock, config.batchSize());
    }

    @Produces
    @Singleton
    NotificationDispatch notificationDispatch(NotificationQueue queue, MailSender mail, WebhookSender webhooks,
            NotificationConfig config, Clock clock) {
        RetryPolicy retry = new RetryPolicy(config.maxAttempts(), config.backoffInitial(), config.backoffMax());
        return new NotificationDispatch(queue, mail, webhooks, retry, config.lease(), config.batchSize(), clock);
    }

    /** Stops the start-up with a message naming each setting that is out of range. */
    void checkSettings(@Observes @Priority(1) StartupEvent event, ConsumerConfig consumer, NotificationConfig notifications,
            WebhookConfig webhook, NoDataConfig noData, AlertConfig alerts) {
        List<String> problems = new ArrayList<>();
        notBlank(problems, "thingbus.event.consumer.telemetry-group-id", consumer.telemetryGroupId());
        notBlank(problems, "thingbus.event.consumer.devices-group-id", consumer.devicesGroupId());
        notBlank(problems, "thingbus.event.consumer.channels-group-id", consumer.channelsGroupId());
        atLeastOne(problems, "thingbus.event.consumer.max-poll-records", consumer.maxPollRecords());
        positive(problems, "thingbus.event.consumer.poll-timeout", consumer.pollTimeout());
        positive(problems, "thingbus.event.consumer.retry-backoff-initial", consumer.retryBackoffInitial());
        notShorter(problems, "thingbus.event.consumer.retry-backoff-max", consumer.retryBackoffMax(),
                consumer.retryBackoffInitial());
        atLeastOne(problems, "thingbus.event.notifications.workers", notifications.workers());
        atLeastOne(problems, "thingbus.event.notifications.batch-size", notifications.batchSize());
        atLeastOne(problems, "thingbus.event.notifications.max-attempts", notifications.maxAttempts());
        positive(problems, "thingbus.event.notifications.poll-interval", notifications.pollInterval());
        positive(problems, "thingbus.event.notifications.backoff-initial", notifications.backoffInitial());
        notShorter(problems, "thingbus.event.notifications.backoff-max", notifications.backoffMax(),
                notifications.backoffInitial());
        positive(problems, "thingbus.event.notifications.lease", notifications.lease());
        positive(problems, "thingbus.event.webhook.connect-timeout", webhook.connectTimeout());
        positive(problems, "thingbus.event.webhook.timeout", webhook.timeout());
        positive(problems, "thingbus.event.no-data.check-interval", noData.checkInterval());
        atLeastOne(problems, "thingbus.event.no-data.batch-size", noData.batchSize());
        positive(problems, "thingbus.event.alerts.relay-interval", alerts.relayInterval());
        atLeastOne(problems, "thingbus.event.alerts.relay-batch-size", alerts.relayBatchSize());
        positive(problems, "thingbus.event.alerts.delivery-timeout", alerts.deliveryTimeout());
        positive(problems, "thingbus.event.alerts.retention", alerts.retention());
        atLeastOne(problems, "thingbus.event.alerts.recent-limit", alerts.recentLimit());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration: " + String.join("; ", problems));
        }
    }

    private static void notBlank(List<String> problems, String name, String value) {
        if (value.isBlank()) {
            problems.add(name + " must not be blank");
        }
    }

    private static void atLeastOne(List<String> problems, String name, int value) {
        if (value < 1) {
            problems.add(name + " must be at least 1 (got " + value + ")");
        }
    }

    private static void positive(List<String> problems, String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration (got " + value + ")");
        }
    }

    private static void notShorter(List<String> problems, String name, Duration value, Duration minimum) {
        if (value.compareTo(minimum) < 0) {
            problems.add(name + " must not be shorter than " + minimum + " (got " + value + ")");
        }
    }
}
