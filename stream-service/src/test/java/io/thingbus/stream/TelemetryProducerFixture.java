package io.thingbus.stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of a test class that writes telemetry to the real Kafka broker: one {@link TelemetryProducer}, opened
 * before the class's first test and closed after its last.
 */
abstract class TelemetryProducerFixture {

    protected static TelemetryProducer telemetry;

    @BeforeAll
    static void openTelemetryProducer() {
        telemetry = new TelemetryProducer();
    }

    @AfterAll
    static void closeTelemetryProducer() {
        telemetry.close();
    }
}
