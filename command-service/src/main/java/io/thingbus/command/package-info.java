/**
 * command-service: Publish-to-device, commands and their status, configuration, RPC, licenses and firmware.
 *
 * <p>The REST slice, its Kafka consumers and its schema arrive with their issues; the layout follows
 * docs/development/service-conventions.md ({@code api/}, {@code domain/}, {@code persistence/}, {@code messaging/},
 * {@code config/}).
 */
package io.thingbus.command;
