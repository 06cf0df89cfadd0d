package io.thingbus.command.domain;

/** An RPC request with an unusable field, such as an empty method or a timeout beyond the limit. */
public final class InvalidRpcException extends CommandException {

    private final String field;

    public InvalidRpcException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field that is wrong ({@code method}, {@code params}, {@code timeout_ms}, …, or {@code body}). */
    public String field() {
        return field;
    }
}
