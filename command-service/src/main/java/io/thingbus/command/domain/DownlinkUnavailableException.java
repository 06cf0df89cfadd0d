package io.thingbus.command.domain;

/**
 * Kafka did not acknowledge a downlink record in time (unreachable, or refused it). The message may or may not have
 * been written: the caller cannot tell, and sending again may deliver it twice.
 */
public final class DownlinkUnavailableException extends CommandException {

    public DownlinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
