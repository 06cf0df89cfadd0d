package io.thingbus.command;

import static io.thingbus.command.PublishApi.publish;
import static io.thingbus.command.PublishApi.publishOnceKnown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.thingbus.testing.DedicatedKafkaResource;
import io.thingbus.testing.InfrastructureResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement path when Kafka is gone: a caller must never be told "accepted" for a message Kafka does not
 * have. Runs the service against a Kafka of its own, which the test stops.
 */
@QuarkusTest
@TestProfile(KafkaUnavailableIT.ControlledKafka.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class KafkaUnavailableIT {

    /** Two seconds for Kafka to acknowledge, so the test sees the failure quickly. */
    public static class ControlledKafka implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thingbus.command.publish.delivery-timeout", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DedicatedKafkaResource.class));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void publish_whileKafkaIsDown_isAnsweredWith503InsteadOfAccepted() {
        assertThat(kafka).isEqualTo(DedicatedKafkaResource.broker().bootstrapServers());
        TestDevice device = TestDevice.random();
        try (KafkaFixture registry = new KafkaFixture(kafka)) {
            registry.register(device.record());
        }
        publishOnceKnown(device, "{\"n\":1}");

        DedicatedKafkaResource.broker().close();
        Instant asked = Instant.now();

        publish(device, "{\"n\":2}").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://thingbus.io/problems/downlink-unavailable"))
                .body("detail", equalTo("the message could not be handed to the message bus in time; it may or may "
                        + "not be delivered; retry later"));
        assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
    }
}
