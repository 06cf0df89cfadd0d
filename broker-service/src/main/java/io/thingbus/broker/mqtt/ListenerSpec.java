package io.thingbus.broker.mqtt;

import java.util.Objects;

/**
 * One listener HiveMQ opens, as it appears in its {@code config.xml}. TLS variants ({@code tls-tcp-listener},
 * {@code tls-websocket-listener} with a PKCS12 keystore) are further implementations of this interface.
 */
sealed interface ListenerSpec {

    /** The listener's name in HiveMQ and in logs. */
    String name();

    int port();

    String bindAddress();

    /** The listener's element in {@code <listeners>}. */
    String toXml();

    /** Plain MQTT over TCP. */
    record Tcp(String name, int port, String bindAddress) implements ListenerSpec {

        public Tcp {
            validate(name, port, bindAddress);
        }

        @Override
        public String toXml() {
            return "<tcp-listener>" + common(this) + "</tcp-listener>";
        }
    }

    /** MQTT over WebSocket on {@code path}, with the MQTT sub-protocols of MQTT 3.1 ({@code mqttv3.1}) and later ({@code mqtt}). */
    record Websocket(String name, int port, String bindAddress, String path) implements ListenerSpec {

        public Websocket {
            validate(name, port, bindAddress);
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a websocket path starts with '/'");
            }
        }

        @Override
        public String toXml() {
            return "<websocket-listener>" + common(this)
                    + element("path", path)
                    + "<subprotocols>" + element("subprotocol", "mqttv3.1") + element("subprotocol", "mqtt")
                    + "</subprotocols>"
                    + element("allow-extensions", "true")
                    + "</websocket-listener>";
        }
    }

    private static void validate(String name, int port, String bindAddress) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("listener " + name + ": port must be 1-65535 but is " + port);
        }
        if (bindAddress.isBlank()) {
            throw new IllegalArgumentException("listener " + name + ": the bind address is blank");
        }
    }

    private static String common(ListenerSpec listener) {
        return element("port", Integer.toString(listener.port()))
                + element("bind-address", listener.bindAddress())
                + element("name", listener.name());
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
