/**
 * session-service: the live view of MQTT and WebSocket sessions and of the devices connected through gateways, built
 * from the broker's lifecycle events ({@code thingbus.lifecycle.v1}) and served as {@code GET /session} and
 * {@code GET /session/devices}.
 *
 * <p>Layout (docs/development/service-conventions.md): {@code api/} the REST slice, {@code domain/} the view and
 * the projection of lifecycle events, {@code persistence/} the PostgreSQL store (schema {@code session}),
 * {@code messaging/} the Kafka consumer, {@code config/} its settings.
 */
package io.thingbus.session;
