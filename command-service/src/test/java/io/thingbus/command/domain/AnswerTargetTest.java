package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which answers count for an RPC: only those of the gateway it was handed to, and only the first. */
class AnswerTargetTest {

    private static final RpcKey KEY = RpcKey.of(DeviceKey.of(TenantId.of("U1"), DeviceId.of("Device A")), 7);
    private static final DeviceId GATEWAY = DeviceId.of("gw-1");

    @Test
    void anRpcHandedToAGateway_takesThatGatewaysAnswer_andOneThatNamesNoGateway() {
        AnswerTarget sent = new AnswerTarget(KEY, Optional.of(GATEWAY), false);

        assertThat(sent.takesAnswerFrom(Optional.of(GATEWAY))).isTrue();
        assertThat(sent.takesAnswerFrom(Optional.empty())).isTrue();
    }

    @Test
    void anRpcHandedToAGateway_refusesTheAnswerOfAnotherGateway() {
        AnswerTarget sent = new AnswerTarget(KEY, Optional.of(GATEWAY), false);

        assertThat(sent.takesAnswerFrom(Optional.of(DeviceId.of("gw-2")))).isFalse();
    }

    @Test
    void anRpcNeverHandedToAGateway_takesNoAnswer_evenOneThatNamesNoGateway() {
        AnswerTarget held = new AnswerTarget(KEY, Optional.empty(), false);

        assertThat(held.takesAnswerFrom(Optional.of(GATEWAY))).isFalse();
        assertThat(held.takesAnswerFrom(Optional.empty())).isFalse();
    }

    @Test
    void anRpcThatHasAnAnswer_takesNoOther() {
        AnswerTarget answered = new AnswerTarget(KEY, Optional.of(GATEWAY), true);

        assertThat(answered.takesAnswerFrom(Optional.of(GATEWAY))).isFalse();
    }

    @Test
    void anAnswerRecord_namesTheRpcOfItsKeyAndNumber_andTheGatewayThatAnswered() {
        RpcAnswerStep step = RpcAnswerStep.of(new RpcResponseRecord(KEY.device().tenant(), KEY.device().device(), "7",
                null, GATEWAY, Instant.parse("2026-11-21T10:00:00Z")));

        assertThat(step.key()).contains(KEY);
        assertThat(step.gateway()).contains(GATEWAY);
        assertThat(step.data().isNull()).isTrue();
        assertThat(RpcAnswerStep.of(new RpcResponseRecord(KEY.device().tenant(), KEY.device().device(), "7",
                JsonNodeFactory.instance.objectNode(), null, Instant.parse("2026-11-21T10:00:00Z"))).gateway())
                .isEmpty();
    }
}
