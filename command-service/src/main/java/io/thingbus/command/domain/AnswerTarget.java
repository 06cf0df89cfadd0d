package io.thingbus.command.domain;

import io.thingbus.contracts.DeviceId;
import java.util.Objects;
import java.util.Optional;

/**
 * An RPC as a device's answer finds it: whom it was handed to, and whether it already has an answer. Decides whether
 * the answer counts.
 *
 * <p>A gateway names a sub-device by its id only and echoes the RPC's number; the broker files its answer under the
 * device's current owner. So an answer may name an RPC that was never given to the gateway that answers: after a
 * claim, the former owner's RPC answered under the claimer's key, or an answer to an RPC still held for a gateway
 * that is offline. Only the gateway an RPC was handed to can answer it.
 *
 * @param dispatchedTo the gateway (device id) the RPC was last handed to: recorded before its downlink is written, so
 *     an answer that comes before the send is recorded still counts; empty when it was never handed to any gateway
 * @param answered whether the RPC already has an answer
 */
public record AnswerTarget(RpcKey key, Optional<DeviceId> dispatchedTo, boolean answered) {

    public AnswerTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dispatchedTo, "dispatchedTo");
    }

    /**
     * Whether an answer from {@code answeringGateway} is this RPC's answer: the RPC has none yet, was handed to a
     * gateway, and that is the gateway that answers. An answer that names no gateway is checked only for the first
     * two.
     */
    public boolean takesAnswerFrom(Optional<DeviceId> answeringGateway) {
        return !answered && dispatchedTo.isPresent()
                && answeringGateway.map(dispatchedTo.get()::equals).orElse(true);
    }
}
