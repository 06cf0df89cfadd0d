/**
 * session-service: The live view of MQTT and WebSocket sessions, built from the broker's lifecycle events.
 *
 * <p>The REST slice, its Kafka consumers and its schema arrive with their issues; the layout follows
 * docs/development/service-conventions.md ({@code api/}, {@code domain/}, {@code persistence/}, {@code messaging/},
 * {@code config/}).
 */
package io.thingbus.session;
