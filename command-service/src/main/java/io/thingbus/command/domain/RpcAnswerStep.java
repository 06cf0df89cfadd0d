package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.RpcResponseRecord;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device's answer to an RPC, checked. Its {@code rpc_id} is the number the gateway echoed; one that is not a
 * positive whole number names no RPC of this service and is unmatched. The answer counts only for an RPC that was
 * handed to the gateway that answers ({@link AnswerTarget#takesAnswerFrom}); otherwise it is unmatched too.
 *
 * @param key the RPC answered; empty when the {@code rpc_id} cannot be one of ours
 * @param gateway the gateway that answered ({@code gateway_id}); empty when the record names none
 * @param data the answer ({@code null} JSON when the gateway sent none)
 */
record RpcAnswerStep(Optional<RpcKey> key, Optional<DeviceId> gateway, JsonNode data, Instant at)
        implements StateStep {

    RpcAnswerStep {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(at, "at");
    }

    static RpcAnswerStep of(RpcResponseRecord record) {
        JsonNode data = record.data() == null ? NullNode.getInstance() : record.data();
        return new RpcAnswerStep(rpcNumber(record.rpcId()).map(id -> RpcKey.of(record.key(), id)),
                Optional.ofNullable(record.gatewayId()), data, record.at());
    }

    /** The number in {@code rpcId} ({@code "42"}; a gateway may also echo {@code 42.0}); empty when there is none. */
    static Optional<Long> rpcNumber(String rpcId) {
        try {
            long id = new java.math.BigDecimal(rpcId.trim()).longValueExact();
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public StateOutcome applyTo(StateChanges changes) {
        return key.flatMap(changes::answerTarget)
                .filter(target -> target.takesAnswerFrom(gateway))
                .map(target -> changes.recordRpcAnswer(target.key(), data, RpcStatus.ofAnswer(data), at))
                .orElse(StateOutcome.RPC_UNMATCHED);
    }
}
