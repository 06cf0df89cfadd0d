package io.thingbus.command.domain;

/**
 * Kafka acknowledged an RPC's downlink, but the database failed to record it as sent. The RPC stays queued and
 * claimed; once the claim ends it is sent again (the gateway may receive it twice, with the same id).
 */
public final class RpcNotRecordedException extends CommandException {

    public RpcNotRecordedException(RpcKey key, StoreUnavailableException cause) {
        super("RPC " + key + " was sent but could not be recorded as sent", cause);
    }
}
