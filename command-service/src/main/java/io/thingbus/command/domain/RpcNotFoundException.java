package io.thingbus.command.domain;

/** The tenant has no RPC with that device and number (or it was deleted after its retention). */
public final class RpcNotFoundException extends CommandException {

    /** @param rpc the RPC as the caller named it, for logs */
    public RpcNotFoundException(String rpc) {
        super("no RPC " + rpc);
    }
}
