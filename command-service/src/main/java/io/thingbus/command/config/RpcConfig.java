package io.thingbus.command.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Server-side RPC ({@code thingbus.command.rpc.*}, env {@code THINGBUS_COMMAND_RPC_*}). */
@ConfigMapping(prefix = "thingbus.command.rpc")
public interface RpcConfig {

    /** How long a two-way RPC waits for its answer when the caller names no {@code timeout_ms}. */
    @WithDefault("10s")
    Duration defaultTimeout();

    /** The longest {@code timeout_ms} a caller may ask for (a two-way call holds its HTTP request that long). */
    @WithDefault("60s")
    Duration maxTimeout();

    /** How long an RPC may wait to be sent (while its device's gateway is offline) without {@code expiry_ms}. */
    @WithDefault("1h")
    Duration defaultExpiry();

    /** The longest {@code expiry_ms} a caller may ask for. */
    @WithDefault("7d")
    Duration maxExpiry();

    /** The largest message to the gateway, in bytes (its v1/gateway/rpc JSON; at most 1000000). */
    @WithDefault("65536")
    int maxPayloadBytes();

    /** How often queued RPCs are looked at (sent, expired) and overdue ones timed out. */
    @WithDefault("1s")
    Duration sweepInterval();

    /** The most queued RPCs one sweep sends. */
    @WithDefault("100")
    int dispatchBatchSize();

    /**
     * How long an instance sending an RPC owns it (longer than the Kafka delivery timeout plus 2s); an RPC whose send
     * Kafka did not acknowledge is retried after it.
     */
    @WithDefault("30s")
    Duration dispatchLease();

    /** How often a waiting two-way call re-reads its RPC, in case an answer's notification was missed. */
    @WithDefault("1s")
    Duration answerPollInterval();

    /** How long finished RPCs (and their answers) are kept. */
    @WithDefault("7d")
    Duration retention();
}
