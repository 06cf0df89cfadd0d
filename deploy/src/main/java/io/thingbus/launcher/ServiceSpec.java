package io.thingbus.launcher;

import java.util.List;

/**
 * One Quarkus application of the suite: its module folder and the HTTP port it gets by default. The order of
 * {@link #ALL} is the start order: what others need comes first.
 */
public record ServiceSpec(String name, int defaultHttpPort) {

    public static final ServiceSpec DEVICE = new ServiceSpec("device-service", 9102);
    public static final ServiceSpec STREAM = new ServiceSpec("stream-service", 9103);
    public static final ServiceSpec EVENT = new ServiceSpec("event-service", 9104);
    public static final ServiceSpec COMMAND = new ServiceSpec("command-service", 9105);
    public static final ServiceSpec SESSION = new ServiceSpec("session-service", 9106);
    public static final ServiceSpec BROKER = new ServiceSpec("broker-service", 9101);
    public static final ServiceSpec GATEWAY = new ServiceSpec("gateway", 8080);

    public static final List<ServiceSpec> ALL = List.of(DEVICE, STREAM, EVENT, COMMAND, SESSION, BROKER, GATEWAY);

    /** The env-var prefix of this service's upstream URL at the gateway, e.g. {@code DEVICE_SERVICE}. */
    String envName() {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
