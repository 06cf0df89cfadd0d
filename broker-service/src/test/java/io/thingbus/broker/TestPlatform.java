package io.thingbus.broker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The rest of Thingbus around the broker under test, for one test: device-service registering device tokens (and
 * claims) with {@link #registry()}, command-service and device-service writing what the edge delivers
 * ({@link #downlinks()}, {@link #attributes()}), and the readers of what the edge writes. The writers open on first
 * use; a reader reads from the moment it is opened. {@link #close()} closes everything, the last opened first.
 */
public final class TestPlatform implements AutoCloseable {

    private final String kafka;
    private final int mqttPort;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private KafkaFixture registry;
    private DownlinkFixture downlinks;
    private AttributeFixture attributes;

    /**
     * @param kafka the bootstrap servers of the Kafka the broker under test uses
     * @param mqttPort the broker's plain MQTT port, to see when it accepts a device
     */
    public TestPlatform(String kafka, int mqttPort) {
        this.kafka = kafka;
        this.mqttPort = mqttPort;
    }

    /** Grants every device's token, as device-service would, and waits until the broker accepts each. */
    public TestPlatform register(TestDevice... devices) {
        for (TestDevice device : devices) {
            registry().grant(device);
        }
        for (TestDevice device : devices) {
            MqttClients.awaitAccepted(mqttPort, device);
        }
        return this;
    }

    /**
     * Waits up to 60 seconds until the broker is ready and its {@code mqtt-edge} readiness check reports each of
     * {@code data} true ({@code downlink-assigned}, {@code attribute-push-assigned}, {@code device-claims-current}).
     */
    public TestPlatform awaitReady(String... data) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ValidatableResponse ready = given().get("/q/health/ready").then().statusCode(200);
            for (String name : data) {
                ready.body("checks.find { it.name == 'mqtt-edge' }.data." + name, equalTo(true));
            }
        });
        return this;
    }

    /** Device-service's side of the credentials and device claims topics. */
    public KafkaFixture registry() {
        if (registry == null) {
            registry = open(new KafkaFixture(kafka));
        }
        return registry;
    }

    /** Command-service's side of the downlink topic. */
    public DownlinkFixture downlinks() {
        if (downlinks == null) {
            downlinks = open(new DownlinkFixture(kafka));
        }
        return downlinks;
    }

    /** Device-service's side of the attributes topic. */
    public AttributeFixture attributes() {
        if (attributes == null) {
            attributes = open(new AttributeFixture(kafka));
        }
        return attributes;
    }

    /** Reads the telemetry topic from now on; closed with the platform. */
    public TelemetryReader readTelemetry() {
        return open(new TelemetryReader(kafka));
    }

    /** Reads the lifecycle topic from now on; closed with the platform. */
    public LifecycleReader readLifecycle() {
        return open(new LifecycleReader(kafka));
    }

    /** Closes everything opened, the last opened first, and each even when another fails. */
    @Override
    public void close() {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw new IllegalStateException("cannot close the test platform", failure);
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.push(resource);
        return resource;
    }
}
