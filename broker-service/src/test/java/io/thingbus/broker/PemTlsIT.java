package io.thingbus.broker;

import static io.thingbus.broker.MqttClients.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thingbus.testing.InfrastructureResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The TLS listeners with key material as a Kubernetes TLS secret mounts it: a PEM certificate chain and a PKCS#8 PEM
 * private key instead of a keystore.
 */
@QuarkusTest
@TestProfile(PemTlsIT.PemKeyMaterial.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = BrokerPortsResource.class, restrictToAnnotatedClass = false)
class PemTlsIT {

    /** Replaces the keystore of {@link BrokerPortsResource} with PEM files of the same test CA. */
    public static class PemKeyMaterial implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PemFilesResource.class));
        }
    }

    /** PEM files as a Kubernetes TLS secret holds them; ordered after {@link BrokerPortsResource} so they win. */
    public static class PemFilesResource implements QuarkusTestResourceLifecycleManager {

        static volatile TestCertificates certificates;

        @Override
        public Map<String, String> start() {
            certificates = TestCertificates.generate();
            return Map.of(
                    "thingbus.broker.tls.keystore-path", "",
                    "thingbus.broker.tls.keystore-password", "",
                    "thingbus.broker.tls.certificate-path", certificates.serverChainPem().toString(),
                    "thingbus.broker.tls.private-key-path", certificates.serverKeyPem().toString());
        }

        @Override
        public void stop() {
            // the files stay in target/ for post-mortems
        }

        @Override
        public int order() {
            return 1000;
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "thingbus.broker.mqtt.port")
    int mqttPort;

    @ConfigProperty(name = "thingbus.broker.mqtts.port")
    int mqttsPort;

    @ConfigProperty(name = "thingbus.broker.wss.port")
    int wssPort;

    @ConfigProperty(name = "thingbus.broker.data-dir")
    Path dataDir;

    @Test
    void tlsAndSecureWebsocketClients_trustingTheCa_publish_withPemKeyMaterial() {
        TestDevice device = TestDevice.random();
        try (KafkaFixture credentials = new KafkaFixture(kafka); TelemetryReader telemetry = new TelemetryReader(kafka)) {
            credentials.grant(device);
            MqttClients.awaitAccepted(mqttPort, device);
            Mqtt5BlockingClient tls = MqttClients.mqtt5OverTls(mqttsPort, PemFilesResource.certificates.trustingTheCa());
            Mqtt5BlockingClient wss = MqttClients.mqtt5OverWss(wssPort, PemFilesResource.certificates.trustingTheCa());
            MqttClients.connect(tls, device);
            MqttClients.connect(wss, device);

            MqttClients.assertAccepted(MqttClients.publishQos1(tls, device.jsonTopic("pem-dev"), utf8("1")));
            MqttClients.assertAccepted(MqttClients.publishQos1(wss, device.jsonTopic("pem-dev"), utf8("2")));
            tls.disconnect();
            wss.disconnect();

            assertThat(telemetry.recordsUntil(device.key("pem-dev"), utf8("2")))
                    .extracting(r -> new String(r.value())).containsExactly("1", "2");
        }
    }

    @Test
    void keystoreConvertedFromPem_isReadableByItsOwnerOnly() throws Exception {
        Path keystore = dataDir.resolve("tls").resolve("server.p12");

        assertThat(keystore).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("conf/config.xml"))))
                .isEqualTo("rw-------");
    }
}
