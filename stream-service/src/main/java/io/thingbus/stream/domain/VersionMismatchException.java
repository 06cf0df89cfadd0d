package io.thingbus.stream.domain;

/**
 * The channel's current version is not one the change was conditioned on ({@code If-Match}): it changed since the
 * caller read it. Nothing was changed.
 */
public final class VersionMismatchException extends StreamException {

    public VersionMismatchException() {
        super("the channel has changed since it was read");
    }
}
