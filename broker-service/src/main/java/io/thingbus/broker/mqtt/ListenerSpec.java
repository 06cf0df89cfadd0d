package io.thingbus.broker.mqtt;

import io.thingbus.broker.domain.Transport;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** One listener HiveMQ opens, as it appears in its {@code config.xml}. */
sealed interface ListenerSpec {

    /** The listener's name in HiveMQ and in logs. */
    String name();

    int port();

    String bindAddress();

    /** How clients reach the broker through this listener. */
    Transport transport();

    /** The listener's element in {@code <listeners>}. */
    String toXml();

    /** Plain MQTT over TCP. */
    record Tcp(String name, int port, String bindAddress) implements ListenerSpec {

        public Tcp {
            validate(name, port, bindAddress);
        }

        @Override
        public Transport transport() {
            return Transport.TCP;
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
            validatePath(path);
        }

        @Override
        public Transport transport() {
            return Transport.WS;
        }

        @Override
        public String toXml() {
            return "<websocket-listener>" + common(this) + websocket(path) + "</websocket-listener>";
        }
    }

    /** MQTT over TLS (MQTTS). */
    record TlsTcp(String name, int port, String bindAddress, TlsSettings tls) implements ListenerSpec {

        public TlsTcp {
            validate(name, port, bindAddress);
            Objects.requireNonNull(tls, "tls");
        }

        @Override
        public Transport transport() {
            return Transport.TLS;
        }

        @Override
        public String toXml() {
            return "<tls-tcp-listener>" + common(this) + tls.toXml() + "</tls-tcp-listener>";
        }
    }

    /** MQTT over WebSocket over TLS (WSS) on {@code path}. */
    record TlsWebsocket(String name, int port, String bindAddress, String path, TlsSettings tls)
            implements ListenerSpec {

        public TlsWebsocket {
            validate(name, port, bindAddress);
            validatePath(path);
            Objects.requireNonNull(tls, "tls");
        }

        @Override
        public Transport transport() {
            return Transport.WSS;
        }

        @Override
        public String toXml() {
            return "<tls-websocket-listener>" + common(this) + websocket(path) + tls.toXml()
                    + "</tls-websocket-listener>";
        }
    }

    /** What a TLS listener serves: the server keystore, and the TLS versions it accepts. No client certificates. */
    record TlsSettings(ServerKeystore keystore, List<String> protocols) {

        public TlsSettings {
            Objects.requireNonNull(keystore, "keystore");
            protocols = List.copyOf(protocols);
            if (protocols.isEmpty()) {
                throw new IllegalArgumentException("thingbus.broker.tls.protocols names no TLS version");
            }
        }

        String toXml() {
            return "<tls>" + keystore.toXml()
                    + "<protocols>" + protocols.stream().map(p -> Xml.element("protocol", p))
                            .collect(Collectors.joining()) + "</protocols>"
                    + Xml.element("client-authentication-mode", "NONE")
                    + "</tls>";
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

    private static void validatePath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a websocket path starts with '/'");
        }
    }

    private static String common(ListenerSpec listener) {
        return Xml.element("port", Integer.toString(listener.port()))
                + Xml.element("bind-address", listener.bindAddress())
                + Xml.element("name", listener.name());
    }

    private static String websocket(String path) {
        return Xml.element("path", path)
                + "<subprotocols>" + Xml.element("subprotocol", "mqttv3.1") + Xml.element("subprotocol", "mqtt")
                + "</subprotocols>"
                + Xml.element("allow-extensions", "true");
    }
}
