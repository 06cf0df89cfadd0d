package io.thingbus.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The embedded MQTT broker: where it listens (plain and TLS), with which key material, how long it keeps sessions,
 * where it keeps its files, and how it names itself. Every property can be set by environment variable
 * ({@code THINGBUS_BROKER_MQTT_PORT}, {@code THINGBUS_BROKER_TLS_KEYSTORE_PATH}, …).
 */
@ConfigMapping(prefix = "thingbus.broker")
public interface BrokerConfig {

    /** The address every MQTT listener binds to. */
    @WithDefault("0.0.0.0")
    String bindAddress();

    /**
     * Where HiveMQ's generated {@code config.xml}, its data folder and the keystore converted from PEM files live.
     * When absent, a temporary directory that is deleted at shutdown. Sessions and queued messages are kept in memory
     * either way.
     */
    Optional<Path> dataDir();

    /** This instance's name in the source of every record it writes; the host name when absent. */
    Optional<String> instanceId();

    /** The plain MQTT (TCP) listener. */
    Listener mqtt();

    /** The MQTT over WebSocket listener (path {@code /mqtt}). */
    WebsocketListener ws();

    /** The MQTT over TLS listener (MQTTS). */
    MqttsListener mqtts();

    /** The MQTT over secure WebSocket listener (WSS, path {@code /mqtt}). */
    WssListener wss();

    /** The server's key material for the TLS listeners. */
    Tls tls();

    /** Limits of the MQTT sessions the broker keeps (in memory). */
    Sessions sessions();

    interface Listener {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("1883")
        int port();
    }

    interface WebsocketListener {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("8083")
        int port();
    }

    /**
     * A TLS listener is open when {@code enabled} is true, closed when it is false, and — when it is not set — open
     * exactly when key material is configured. {@code enabled=true} without key material stops start-up.
     */
    interface MqttsListener {

        Optional<Boolean> enabled();

        @WithDefault("8883")
        int port();
    }

    /** Like {@link MqttsListener}, for secure WebSocket. */
    interface WssListener {

        Optional<Boolean> enabled();

        @WithDefault("8084")
        int port();
    }

    /**
     * Key material in one of two forms, never both: a PKCS12 (or JKS) keystore with its password, or PEM files as a
     * Kubernetes TLS secret mounts them ({@code tls.crt} = certificate chain, {@code tls.key} = unencrypted private
     * key in PKCS#8 or PKCS#1 form).
     */
    interface Tls {

        /** A PKCS12 or JKS keystore holding exactly the server's private key with its certificate chain. */
        Optional<Path> keystorePath();

        /** The keystore's password; required with {@link #keystorePath()}. */
        Optional<String> keystorePassword();

        /** The private key's password, when it differs from the keystore's. */
        Optional<String> keyPassword();

        /** A PEM file with the server certificate first, then the intermediate certificates. */
        Optional<Path> certificatePath();

        /** A PEM file with the unencrypted private key of the certificate. */
        Optional<Path> privateKeyPath();

        /** The TLS versions the listeners accept. */
        @WithDefault("TLSv1.3,TLSv1.2")
        List<String> protocols();
    }

    interface Sessions {

        /**
         * The longest a session outlives its connection: MQTT 5 clients ask for a session expiry up to this, and
         * persistent MQTT 3 sessions ({@code cleanSession=false}) get exactly this.
         */
        @WithDefault("24h")
        Duration maxExpiry();

        /** How many messages are queued per offline persistent session (or slow client) at most; more are dropped. */
        @WithDefault("1000")
        long maxQueuedMessages();
    }
}
