package io.thingbus.command;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.GatewayHeaders;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import java.util.Set;

/** Calls {@code /rpc} as the gateway would, for one tenant. */
final class RpcApi {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private RpcApi() {
    }

    static RequestSpecification as(TenantId tenant) {
        return given().header(GatewayHeaders.TENANT, tenant.value()).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static Response call(TenantId tenant, DeviceId device, String body) {
        return as(tenant).body(body).post("/rpc/{device_id}", device.value());
    }

    static Response read(TenantId tenant, DeviceId device, Object rpcId) {
        return as(tenant).get("/rpc/{device_id}/{rpc_id}", device.value(), rpcId);
    }

    /**
     * Sends one-way {@code probe} RPCs until one is sent at once: the service then knows the device and the gateway
     * that carries it (it learns both from Kafka). Earlier probes may be refused (404, 409) or held (queued).
     */
    static void awaitRoute(TenantId tenant, DeviceId device) {
        await().atMost(PATIENCE).until(() -> {
            Response response = call(tenant, device, "{\"method\":\"probe\",\"one_way\":true,\"expiry_ms\":1000}");
            return response.statusCode() == 202 && "sent".equals(response.jsonPath().getString("status"));
        });
    }

    /** A gateway whose session carries its sub-device, known to the service (it answered a probe with "sent"). */
    static TestGateway online(KafkaFixture kafka) {
        TestGateway gateway = new TestGateway();
        kafka.register(gateway.deviceRecord());
        kafka.report(gateway.connected("c-1"));
        kafka.announce(gateway.subdeviceConnected("c-1"));
        awaitRoute(gateway.tenant, gateway.device);
        return gateway;
    }

    /**
     * Calls until the answer is not 404 or 409 (the service has not yet read the device, or not yet seen it
     * announced by a gateway), and returns that answer.
     */
    static Response callOnceKnown(TenantId tenant, DeviceId device, String body) {
        return await().atMost(PATIENCE).until(() -> call(tenant, device, body),
                response -> !Set.of(404, 409).contains(response.statusCode()));
    }
}
