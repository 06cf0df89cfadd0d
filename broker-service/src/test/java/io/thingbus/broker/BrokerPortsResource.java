package io.thingbus.broker;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.thingbus.infra.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives the broker under test free MQTT and WebSocket ports on the loopback interface and a fresh data directory
 * under {@code target/}, so that tests never collide with another broker on this machine.
 */
public class BrokerPortsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "thingbus.broker.bind-address", "127.0.0.1",
                "thingbus.broker.mqtt.port", Integer.toString(FreePort.find()),
                "thingbus.broker.ws.port", Integer.toString(FreePort.find()),
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
