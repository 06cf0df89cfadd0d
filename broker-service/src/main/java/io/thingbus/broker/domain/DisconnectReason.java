package io.thingbus.broker.domain;

import java.util.Locale;

/** Why an MQTT connection ended. */
public enum DisconnectReason {
    /** The client sent DISCONNECT. */
    CLIENT,
    /** The broker closed the connection (a refused publish of an MQTT 3 client, keep-alive timeout, shutdown, …). */
    SERVER,
    /** The network connection ended without DISCONNECT. */
    LOST,
    /** Another connection with the same client id took the session over. */
    TAKEOVER;

    /** The name in lifecycle records: {@code client}, {@code server}, {@code lost} or {@code takeover}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
