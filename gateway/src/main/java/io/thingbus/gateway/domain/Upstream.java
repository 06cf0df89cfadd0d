package io.thingbus.gateway.domain;

/** The services behind the gateway, each reached at a base URL the operator configures. */
public enum Upstream {

    DEVICE_SERVICE("device-service"),
    STREAM_SERVICE("stream-service"),
    EVENT_SERVICE("event-service"),
    COMMAND_SERVICE("command-service"),
    SESSION_SERVICE("session-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The module name, as used in logs, metrics tags and configuration keys. */
    public String serviceName() {
        return serviceName;
    }
}
