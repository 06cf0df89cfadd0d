package io.thingbus.command;

import io.thingbus.testing.SharedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Kafka side of a test class that drives the service over the shared test Kafka: {@link #kafka} writes what
 * device-service and broker-service write, {@link #downlink} reads what the service sends, as a broker does. Opened
 * before the class's first test, closed after its last.
 */
abstract class KafkaDriven {

    static KafkaFixture kafka;
    static DownlinkReader downlink;

    @BeforeAll
    static void connect() {
        String servers = SharedInfrastructure.get().kafkaBootstrapServers();
        kafka = new KafkaFixture(servers);
        downlink = new DownlinkReader(servers);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
        downlink.close();
    }
}
