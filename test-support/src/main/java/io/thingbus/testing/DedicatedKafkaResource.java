package io.thingbus.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.thingbus.contracts.Topics;
import io.thingbus.infra.KafkaBroker;
import io.thingbus.infra.KafkaTopicInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Kafka broker of its own for one test profile, which the test may stop to see how a service behaves without
 * Kafka. Ordered after {@link InfrastructureResource} so that its bootstrap servers win.
 */
public class DedicatedKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    /** The running controlled broker; the test may {@link KafkaBroker#close()} it. */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start(dataDir(), 0, Duration.ofSeconds(90));
        KafkaTopicInitializer.createMissing(broker.bootstrapServers(), Topics.ALL, 1);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public int order() {
        return 1000;
    }

    private static Path dataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
