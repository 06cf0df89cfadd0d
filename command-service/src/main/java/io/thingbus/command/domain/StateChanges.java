package io.thingbus.command.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one transaction on this service's copy of devices, sessions and sub-device connections, and on the
 * answers of RPCs (a port). Obtained from
 * {@link StateStore#inTransaction}; valid only inside that call and on its thread. Every method throws
 * {@link StoreUnavailableException} when the store fails, which rolls the whole transaction back.
 */
public interface StateChanges {

    /** Stores the device's latest state, replacing what was known. */
    void putDevice(KnownDevice device);

    /**
     * Forgets a deleted device, also that a gateway carried it (an RPC to a device registered anew under that id is
     * refused as not behind a gateway until a gateway announces it again); nothing happens when it is unknown.
     */
    void removeDevice(DeviceKey key);

    /** The connection id of the client's live session, or empty when it has none. */
    Optional<String> currentConnection(SessionKey key);

    /**
     * Makes {@code session} the client's live session, replacing any other one and dropping its subscriptions and the
     * sub-devices connected through it.
     */
    void open(TrackedSession session);

    /**
     * Ends the client's session and drops its subscriptions and sub-device connections; nothing happens when it has
     * none.
     */
    void close(SessionKey key);

    /** Adds downlink filters to the client's live session, replacing the device of filters it already has. */
    void subscribe(SessionKey key, List<DownlinkFilter> filters);

    /** Removes filters from the client's live session; filters it does not have are ignored. */
    void unsubscribe(SessionKey key, List<String> filters);

    /**
     * Records that the gateway's live session (connection {@code connectionId}) carries {@code device}; when it
     * already did, the first {@code at} stays. {@code device} is the owner's device key, which may name another tenant
     * than the session (a device claimed away from the gateway's owner). A session carries one device per device id:
     * an announcement that names another owner for the id (a claim, or the former owner taking the device back)
     * replaces the device the session carried, with {@code at} as its start.
     */
    void connectSubdevice(SessionKey gatewaySession, String connectionId, DeviceKey device, DeviceId gateway,
            Instant at);

    /**
     * Records that the gateway's session no longer carries the device it names {@code device}, whoever owns it;
     * nothing happens when it carried none.
     */
    void disconnectSubdevice(SessionKey gatewaySession, DeviceId device);

    /**
     * Remembers that a gateway announced {@code device} (the owner's device key) at {@code at}, so the device is a
     * gateway's sub-device; an older announcement never replaces a newer one.
     */
    void rememberGateway(DeviceKey device, DeviceId gateway, Instant at);

    /**
     * The RPC an answer names, as the answer is checked against it, locked until the transaction ends so that no
     * other answer or send changes it meanwhile; empty when there is no such RPC.
     */
    Optional<AnswerTarget> answerTarget(RpcKey key);

    /**
     * Records the answer of an RPC that has none yet, once the caller checked it against {@link #answerTarget}: an
     * open RPC ({@code queued}, {@code sent}) takes {@code status}, completed at {@code at}; a {@code timed_out} or
     * {@code expired} one keeps its status. Signals the instances waiting for the RPC once the transaction commits.
     *
     * @return {@link StateOutcome#RPC_ANSWERED}, {@link StateOutcome#RPC_ANSWERED_LATE}, or
     *     {@link StateOutcome#RPC_UNMATCHED} when there is no such RPC or it already has an answer
     */
    StateOutcome recordRpcAnswer(RpcKey key, JsonNode data, RpcStatus status, Instant at);
}
