package io.thingbus.device;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Where the ITs of the ThingsBoard gateway API start from: a fresh user, a fresh gateway id, and a writer of the
 * records broker-service makes from that gateway's publishes (closed after each test).
 */
abstract class GatewayScenario {

    final BrokerRecords broker = new BrokerRecords();
    final String gateway = "gw-" + UUID.randomUUID().toString().substring(0, 8);
    Registry.CreatedUser user;

    @BeforeEach
    void createUser() {
        user = Registry.createUser();
    }

    @AfterEach
    void closeProducer() {
        broker.close();
    }
}
