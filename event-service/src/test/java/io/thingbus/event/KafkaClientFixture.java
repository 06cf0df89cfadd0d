package io.thingbus.event;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of a test class that writes records to (and reads alerts from) the real Kafka broker: one
 * {@link KafkaTestClient}, opened before the class's first test and closed after its last.
 */
abstract class KafkaClientFixture {

    protected static KafkaTestClient kafka;

    @BeforeAll
    static void connectKafka() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnectKafka() {
        kafka.close();
    }
}
