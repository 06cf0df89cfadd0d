/**
 * command-service: publish-to-device today ({@code POST /publish/{device_id}}); commands and their status,
 * configuration, RPC, licenses and firmware arrive with their issues.
 *
 * <p>Layout (docs/development/service-conventions.md): {@code api/} the REST slice, {@code domain/} publishing,
 * subscription coverage and the projection of devices and sessions, {@code persistence/} the PostgreSQL store
 * (schema {@code command}), {@code messaging/} the Kafka consumer and the downlink producer, {@code config/} their
 * settings.
 */
package io.thingbus.command;
