package io.thingbus.broker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.thingbus.infra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the broker under test free ports for all four listeners (MQTT, WebSocket, MQTTS, WSS) on the loopback
 * interface, a fresh data directory under {@code target/}, and TLS key material as the local launcher passes it: a
 * PKCS12 keystore made with keytool, signed by a test CA ({@code ca.pem} beside the keystore), so that tests never
 * collide with another broker on this machine.
 */
public class BrokerPortsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestCertificates certificates = TestCertificates.generate();
        return Map.of(
                "thingbus.broker.bind-address", "127.0.0.1",
                "thingbus.broker.mqtt.port", Integer.toString(FreePort.find()),
                "thingbus.broker.ws.port", Integer.toString(FreePort.find()),
                "thingbus.broker.mqtts.port", Integer.toString(FreePort.find()),
                "thingbus.broker.wss.port", Integer.toString(FreePort.find()),
                "thingbus.broker.tls.keystore-path", certificates.serverKeystore().toString(),
                "thingbus.broker.tls.keystore-password", TestCertificates.PASSWORD,
                "thingbus.broker.data-dir", dataDir().toString(),
                "thingbus.broker.instance-id", "test-edge");
    }

    @Override
    public void stop() {
        // the data directory stays in target/ for post-mortems
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "broker-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
