/**
 * event-service: threshold and no-data rules ("events") on the telemetry stream, their notifications by e-mail and
 * webhook, and the alert records on {@code thingbus.alerts.v1}. See docs/api/event-service.md.
 *
 * <p>Layout (docs/development/service-conventions.md): {@code api/} the REST slice and its one problem mapper;
 * {@code domain/} rules, their pure evaluation ({@code RuleEvaluator}), alerts, notifications and the ports;
 * {@code persistence/} JDBC adapters and the Flyway migration; {@code messaging/} the Kafka consumers and the alert
 * relay, the SMTP and webhook senders, and the background workers; {@code config/} one mapping per feature.
 */
package io.thingbus.event;
