package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pieces of server-side RPC: keys, statuses, the gateway's message, the limits, the request. */
class RpcValuesTest {

    private static final DeviceKey DEVICE = DeviceKey.of(TenantId.of("U1"), DeviceId.of("Device A"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RpcSettings SETTINGS = new RpcSettings(Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofDays(7), 1000, Duration.ofSeconds(30), Duration.ofSeconds(1), 100,
            Duration.ofDays(7));

    @Test
    void rpcKey_writesAndParsesTenantDeviceAndNumber_evenWithBlanksInTheDeviceId() {
        RpcKey key = RpcKey.of(DEVICE, 42);

        assertThat(key.asString()).isEqualTo("U1/Device A/42");
        assertThat(RpcKey.parse("U1/Device A/42")).isEqualTo(key);
        assertThatThrownBy(() -> RpcKey.parse("U1/Device A/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RpcKey.of(DEVICE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGatewaysMessage_isThingsBoardsRpcFormat_withAnIntegerId() throws Exception {
        byte[] payload = RpcPayload.forGateway(DEVICE.device(), 7, "toggle_gpio", json("{\"pin\":1}"));

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                "{\"device\":\"Device A\",\"data\":{\"id\":7,\"method\":\"toggle_gpio\",\"params\":{\"pin\":1}}}");
    }

    @Test
    void anAnswer_failsWhenItCarriesAnErrorOrSuccessFalse_andSucceedsOtherwise() throws Exception {
        assertThat(RpcStatus.ofAnswer(json("{\"success\":true}"))).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(RpcStatus.ofAnswer(json("{\"success\":false}"))).isEqualTo(RpcStatus.FAILED);
        assertThat(RpcStatus.ofAnswer(json("{\"error\":\"no such pin\"}"))).isEqualTo(RpcStatus.FAILED);
        assertThat(RpcStatus.ofAnswer(json("{\"error\":null,\"value\":3}"))).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(RpcStatus.ofAnswer(json("\"error\""))).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(RpcStatus.ofAnswer(JsonNodeFactory.instance.nullNode())).isEqualTo(RpcStatus.SUCCEEDED);
    }

    @Test
    void statuses_haveSnakeCaseWireNames_andOnlyQueuedAndSentAreOpen() {
        assertThat(RpcStatus.TIMED_OUT.wireName()).isEqualTo("timed_out");
        assertThat(RpcStatus.fromWire("timed_out")).contains(RpcStatus.TIMED_OUT);
        assertThat(RpcStatus.fromWire("TIMED_OUT")).isEmpty();
        assertThat(RpcStatus.values()).filteredOn(RpcStatus::isOpen)
                .containsExactly(RpcStatus.QUEUED, RpcStatus.SENT);
    }

    @Test
    void aMethod_mustBeOneTo255CharactersWithoutControlCharacters() {
        JsonNode params = JsonNodeFactory.instance.objectNode();
        assertThat(new RpcRequest(DEVICE, "m".repeat(255), params, false, Optional.empty(), Optional.empty())
                .method()).hasSize(255);
        for (String method : new String[] {"", "m".repeat(256), "line\nbreak", null}) {
            assertThatThrownBy(() -> new RpcRequest(DEVICE, method, params, false, Optional.empty(),
                    Optional.empty()))
                    .isInstanceOfSatisfying(InvalidRpcException.class, e -> assertThat(e.field()).isEqualTo("method"));
        }
    }

    @Test
    void timeoutAndExpiry_takeTheDefault_orARequestedValueWithinTheLimits() {
        assertThat(SETTINGS.timeout(Optional.empty())).isEqualTo(Duration.ofSeconds(10));
        assertThat(SETTINGS.timeout(Optional.of(Duration.ofMillis(100)))).isEqualTo(Duration.ofMillis(100));
        assertThat(SETTINGS.expiry(Optional.empty())).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> SETTINGS.timeout(Optional.of(Duration.ofMillis(99))))
                .isInstanceOfSatisfying(InvalidRpcException.class, e -> assertThat(e.field()).isEqualTo("timeout_ms"));
        assertThatThrownBy(() -> SETTINGS.timeout(Optional.of(Duration.ofSeconds(61))))
                .isInstanceOf(InvalidRpcException.class);
        assertThatThrownBy(() -> SETTINGS.expiry(Optional.of(Duration.ofDays(8))))
                .isInstanceOfSatisfying(InvalidRpcException.class, e -> assertThat(e.field()).isEqualTo("expiry_ms"));
    }

    @Test
    void settingsWithADefaultBeyondItsMaximum_areRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new RpcSettings(Duration.ofSeconds(90), Duration.ofSeconds(60), Duration.ofHours(1),
                Duration.ofDays(7), 1000, Duration.ofSeconds(30), Duration.ofSeconds(1), 100, Duration.ofDays(7)))
                .hasMessageContaining("thingbus.command.rpc.default-timeout");
    }

    @Test
    void theRpcNumberOfAnAnswer_isAPositiveWholeNumber_asTextOrDecimal() {
        assertThat(RpcAnswerStep.rpcNumber("42")).contains(42L);
        assertThat(RpcAnswerStep.rpcNumber("42.0")).contains(42L);
        assertThat(RpcAnswerStep.rpcNumber("0")).isEmpty();
        assertThat(RpcAnswerStep.rpcNumber("42.5")).isEmpty();
        assertThat(RpcAnswerStep.rpcNumber("abc")).isEmpty();
        assertThat(RpcAnswerStep.rpcNumber("99999999999999999999")).isEmpty();
    }

    @Test
    void everyAttemptOfOneRpc_carriesTheSameEventId_andOtherRpcsOthers() {
        assertThat(RpcSender.eventId(RpcKey.of(DEVICE, 1))).isEqualTo(RpcSender.eventId(RpcKey.of(DEVICE, 1)))
                .isNotEqualTo(RpcSender.eventId(RpcKey.of(DEVICE, 2)));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
