package io.thingbus.command.domain;

/** QoS 2 was asked for: the publish API (like ThingScale's) delivers with QoS 0 or 1 only. */
public final class UnsupportedQosException extends CommandException {

    public UnsupportedQosException() {
        super("the publish API does not support QoS 2; use qos=0 or qos=1");
    }
}
