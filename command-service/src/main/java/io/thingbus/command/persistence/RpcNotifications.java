package io.thingbus.command.persistence;

/**
 * The PostgreSQL notification channel on which a stored RPC answer is announced to every instance, with the RPC's key
 * ({@code <tenant>/<device>/<id>}) as payload. Sent in the transaction that stores the answer, so it is delivered
 * only once the answer is committed.
 */
final class RpcNotifications {

    static final String CHANNEL = "thingbus_rpc_answered";

    private RpcNotifications() {
    }
}
