package io.thingbus.broker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded MQTT broker: where it listens, where it keeps its files, and how it names itself. Every property can
 * be set by environment variable ({@code THINGBUS_BROKER_MQTT_PORT}, {@code THINGBUS_BROKER_DATA_DIR}, …).
 */
@ConfigMapping(prefix = "thingbus.broker")
public interface BrokerConfig {

    /** The address every MQTT listener binds to. */
    @WithDefault("0.0.0.0")
    String bindAddress();

    /**
     * Where HiveMQ's generated {@code config.xml} and its data folder live. When absent, a temporary directory that
     * is deleted at shutdown. Sessions and queued messages are kept in memory either way.
     */
    Optional<Path> dataDir();

    /** This instance's name in the source of every record it writes; the host name when absent. */
    Optional<String> instanceId();

    /** The plain MQTT (TCP) listener. */
    Listener mqtt();

    /** The MQTT over WebSocket listener (path {@code /mqtt}). */
    WebsocketListener ws();

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
}
