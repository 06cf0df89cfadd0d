/**
 * command-service: publish-to-device ({@code POST /publish/{device_id}}) and server-side RPC to devices behind
 * ThingsBoard gateways ({@code POST /rpc/{device_id}}, {@code GET /rpc/{device_id}/{rpc_id}}); commands and their
 * status, configuration, licenses and firmware arrive with their issues.
 *
 * <p>Layout (docs/development/service-conventions.md): {@code api/} the REST slice, {@code domain/} publishing,
 * subscription coverage, RPC (calls, sending, the sweeper) and the projection of devices, sessions, sub-devices and
 * RPC answers, {@code persistence/} the PostgreSQL store (schema {@code command}) and the listener of RPC answer
 * notifications, {@code messaging/} the Kafka consumer, the downlink producer and the RPC dispatch loop,
 * {@code config/} their settings.
 */
package io.thingbus.command;
