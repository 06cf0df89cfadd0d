package io.thingbus.command;

import static io.thingbus.command.RpcApi.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.thingbus.testing.InfrastructureResource;
import io.thingbus.testing.SharedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The store-and-notify path on its own: waiting calls re-read their RPC only once a minute here, so a call that gets
 * its answer in time was woken by the database notification that the instance storing the answer sends (with several
 * instances, the one consuming the answer is usually not the one holding the call).
 */
@QuarkusTest
@TestProfile(RpcAnswerNotificationIT.RareReReads.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class RpcAnswerNotificationIT {

    /** Re-reads every 60 s, far beyond the test's patience. */
    public static class RareReReads implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("thingbus.command.rpc.answer-poll-interval", "60s");
        }
    }

    @Test
    void aStoredAnswer_wakesTheWaitingCallAtOnce_withoutWaitingForAReRead() throws Exception {
        String servers = SharedInfrastructure.get().kafkaBootstrapServers();
        try (KafkaFixture kafka = new KafkaFixture(servers); DownlinkReader downlink = new DownlinkReader(servers)) {
            TestGateway gateway = RpcApi.online(kafka);
            CompletableFuture<Response> pending = CompletableFuture.supplyAsync(() -> call(gateway.tenant,
                    gateway.device, "{\"method\":\"ping\",\"timeout_ms\":45000}"));
            ConsumerRecord<String, byte[]> record = downlink.awaitRecord(r -> gateway.deviceKey().asString()
                    .equals(r.key()) && new String(r.value(), StandardCharsets.UTF_8).contains("\"ping\""));
            long id = new ObjectMapper().readTree(record.value()).get("data").get("id").asLong();

            kafka.answer(gateway.answer(id, new ObjectMapper().readTree("\"pong\"")));

            Response response = pending.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getString("response")).isEqualTo("pong");
        }
    }
}
