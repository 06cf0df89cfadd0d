package io.thingbus.broker.mqtt;

import io.thingbus.broker.config.BrokerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The listeners the configuration asks for, in the order they appear in {@code config.xml}: MQTT, WebSocket, MQTTS,
 * WSS. A TLS listener is open when its {@code enabled} flag says so or, when the flag is not set, exactly when key
 * material is configured. Key material is a keystore ({@code keystore-path} + {@code keystore-password}) or PEM files
 * ({@code certificate-path} + {@code private-key-path}, converted into a PKCS12 file in {@code tlsDirectory}), never
 * both.
 *
 * <p>Every inconsistency stops start-up with an {@link IllegalStateException} naming the settings to fix: a TLS
 * listener enabled without key material, half of a form, both forms, unreadable or mismatched key material.
 */
final class ConfiguredListeners {

    private static final String HOW_TO_CONFIGURE = "set THINGBUS_BROKER_TLS_KEYSTORE_PATH and "
            + "THINGBUS_BROKER_TLS_KEYSTORE_PASSWORD (PKCS12), or THINGBUS_BROKER_TLS_CERTIFICATE_PATH and "
            + "THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH (PEM)";

    private ConfiguredListeners() {
    }

    static List<ListenerSpec> resolve(BrokerConfig config, Path tlsDirectory) {
        List<ListenerSpec> listeners = new ArrayList<>();
        String bind = config.bindAddress();
        if (config.mqtt().enabled()) {
            listeners.add(new ListenerSpec.Tcp("mqtt", config.mqtt().port(), bind));
        }
        if (config.ws().enabled()) {
            listeners.add(new ListenerSpec.Websocket("websocket", config.ws().port(), bind, EmbeddedBroker.WEBSOCKET_PATH));
        }
        boolean material = hasKeyMaterial(config.tls());
        boolean mqtts = tlsListenerWanted(config.mqtts().enabled(), material, "THINGBUS_BROKER_MQTTS_ENABLED");
        boolean wss = tlsListenerWanted(config.wss().enabled(), material, "THINGBUS_BROKER_WSS_ENABLED");
        if (mqtts || wss) {
            ListenerSpec.TlsSettings tls = new ListenerSpec.TlsSettings(keystore(config.tls(), tlsDirectory),
                    config.tls().protocols());
            if (mqtts) {
                listeners.add(new ListenerSpec.TlsTcp("mqtts", config.mqtts().port(), bind, tls));
            }
            if (wss) {
                listeners.add(new ListenerSpec.TlsWebsocket("secure-websocket", config.wss().port(), bind,
                        EmbeddedBroker.WEBSOCKET_PATH, tls));
            }
        }
        return listeners;
    }

    /** Whether a TLS listener opens: as its flag says, or when unset, when key material is configured. */
    static boolean tlsListenerWanted(Optional<Boolean> enabled, boolean keyMaterial, String flag) {
        if (enabled.isPresent() && enabled.get() && !keyMaterial) {
            throw new IllegalStateException(flag + " is true but no TLS key material is configured: " + HOW_TO_CONFIGURE);
        }
        return enabled.orElse(keyMaterial);
    }

    /** Whether any part of either form of key material is set (a half-set form is reported when it is read). */
    static boolean hasKeyMaterial(BrokerConfig.Tls tls) {
        return tls.keystorePath().isPresent() || tls.certificatePath().isPresent() || tls.privateKeyPath().isPresent();
    }

    /** The server keystore from either form, checked. */
    static ServerKeystore keystore(BrokerConfig.Tls tls, Path tlsDirectory) {
        boolean keystore = tls.keystorePath().isPresent();
        boolean pem = tls.certificatePath().isPresent() || tls.privateKeyPath().isPresent();
        if (keystore && pem) {
            throw new IllegalStateException("TLS key material is configured twice: set either "
                    + "THINGBUS_BROKER_TLS_KEYSTORE_PATH or THINGBUS_BROKER_TLS_CERTIFICATE_PATH and "
                    + "THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH, not both");
        }
        if (keystore) {
            String password = tls.keystorePassword().orElseThrow(() -> new IllegalStateException(
                    "THINGBUS_BROKER_TLS_KEYSTORE_PATH is set but THINGBUS_BROKER_TLS_KEYSTORE_PASSWORD is not"));
            return ServerKeystore.open(tls.keystorePath().get(), password, tls.keyPassword().orElse(password));
        }
        if (tls.certificatePath().isEmpty() || tls.privateKeyPath().isEmpty()) {
            throw new IllegalStateException("PEM key material needs both THINGBUS_BROKER_TLS_CERTIFICATE_PATH and "
                    + "THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH");
        }
        return PemKeyMaterial.toPkcs12(tls.certificatePath().get(), tls.privateKeyPath().get(), tlsDirectory);
    }
}
