package io.thingbus.session;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * What a test class of the session view needs: {@link #broker} writes lifecycle records as broker-service does, on
 * the shared test Kafka (opened before the class's first test, closed after its last); {@link #as} calls the REST API
 * as the gateway does for one tenant; {@link #PATIENCE} is how long the view may take to follow the records.
 */
abstract class LifecycleDriven {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    static LifecycleProducer broker;

    @BeforeAll
    static void openProducer() {
        broker = new LifecycleProducer();
    }

    @AfterAll
    static void closeProducer() {
        broker.close();
    }

    static RequestSpecification as(TenantId tenant) {
        return given().header(GatewayHeaders.TENANT, tenant.value()).accept(ContentType.JSON);
    }
}
