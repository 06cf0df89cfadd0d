package io.thingbus.command.domain;

import java.util.Objects;

/** A two-way RPC got no answer within its timeout; it is stored as {@code timed_out} and a late answer is kept. */
public final class RpcTimedOutException extends CommandException {

    private final Rpc rpc;

    public RpcTimedOutException(Rpc rpc) {
        super("RPC " + Objects.requireNonNull(rpc, "rpc").key() + " got no answer within " + rpc.timeout());
        this.rpc = rpc;
    }

    public Rpc rpc() {
        return rpc;
    }
}
