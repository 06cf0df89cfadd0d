package io.thingbus.broker.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.broker.config.BrokerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredListenersTest {

    @Test
    void tlsListener_withoutFlag_opensExactlyWhenKeyMaterialIsConfigured() {
        assertThat(ConfiguredListeners.tlsListenerWanted(Optional.empty(), true, "FLAG")).isTrue();
        assertThat(ConfiguredListeners.tlsListenerWanted(Optional.empty(), false, "FLAG")).isFalse();
    }

    @Test
    void tlsListener_disabledExplicitly_staysClosed_evenWithKeyMaterial() {
        assertThat(ConfiguredListeners.tlsListenerWanted(Optional.of(false), true, "FLAG")).isFalse();
    }

    @Test
    void tlsListener_enabledWithoutKeyMaterial_stopsStartUp_sayingWhatToSet() {
        assertThatThrownBy(() -> ConfiguredListeners.tlsListenerWanted(Optional.of(true), false,
                "THINGBUS_BROKER_MQTTS_ENABLED"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("THINGBUS_BROKER_MQTTS_ENABLED is true but no TLS key material")
                .hasMessageContaining("THINGBUS_BROKER_TLS_KEYSTORE_PATH")
                .hasMessageContaining("THINGBUS_BROKER_TLS_CERTIFICATE_PATH");
    }

    @Test
    void keystoreAndPem_together_areRefused(@TempDir Path dir) {
        Tls tls = new Tls(Optional.of(dir.resolve("a.p12")), Optional.of("pw"), Optional.empty(),
                Optional.of(dir.resolve("tls.crt")), Optional.of(dir.resolve("tls.key")));

        assertThatThrownBy(() -> ConfiguredListeners.keystore(tls, dir)).hasMessageContaining("configured twice");
    }

    @Test
    void keystoreWithoutPassword_isRefused(@TempDir Path dir) {
        Tls tls = new Tls(Optional.of(dir.resolve("a.p12")), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> ConfiguredListeners.keystore(tls, dir))
                .hasMessageContaining("THINGBUS_BROKER_TLS_KEYSTORE_PASSWORD is not");
    }

    @Test
    void certificateWithoutPrivateKey_isRefused(@TempDir Path dir) {
        Tls tls = new Tls(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(dir.resolve("tls.crt")),
                Optional.empty());

        assertThat(ConfiguredListeners.hasKeyMaterial(tls)).isTrue();
        assertThatThrownBy(() -> ConfiguredListeners.keystore(tls, dir))
                .hasMessageContaining("needs both THINGBUS_BROKER_TLS_CERTIFICATE_PATH and "
                        + "THINGBUS_BROKER_TLS_PRIVATE_KEY_PATH");
    }

    @Test
    void missingKeystoreFile_isRefused_namingTheFile(@TempDir Path dir) {
        Tls tls = new Tls(Optional.of(dir.resolve("missing.p12")), Optional.of("pw"), Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> ConfiguredListeners.keystore(tls, dir))
                .hasMessageContaining("missing.p12").hasMessageContaining("does not exist");
    }

    /** The TLS settings as plain values. */
    private record Tls(Optional<Path> keystorePath, Optional<String> keystorePassword, Optional<String> keyPassword,
            Optional<Path> certificatePath, Optional<Path> privateKeyPath) implements BrokerConfig.Tls {

        @Override
        public List<String> protocols() {
            return List.of("TLSv1.3");
        }
    }
}
