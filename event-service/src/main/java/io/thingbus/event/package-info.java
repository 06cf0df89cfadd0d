/**
 * event-service: Threshold rules (events) on the telemetry stream and their notifications by e-mail and webhook.
 *
 * <p>The REST slice, its Kafka consumers and its schema arrive with their issues; the layout follows
 * docs/development/service-conventions.md ({@code api/}, {@code domain/}, {@code persistence/}, {@code messaging/},
 * {@code config/}).
 */
package io.thingbus.event;
