package io.thingbus.command.domain;

import io.thingbus.contracts.DownlinkRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one RPC to the gateway that carries its device, as a downlink record for the gateway's client only on
 * {@value RpcPayload#GATEWAY_RPC_TOPIC}, and records it as sent once Kafka acknowledged it. The caller must own the
 * RPC (its own new one, or one it claimed). Thread-safe.
 */
public final class RpcSender {

    static final String CONTENT_TYPE = "application/json";
    /** QoS 1: a gateway with a durable session that is briefly offline still receives the RPC. */
    static final int QOS = 1;

    private final DownlinkSender downlinks;
    private final RpcStore store;
    private final Clock clock;
    private final RpcObserver observer;

    public RpcSender(DownlinkSender downlinks, RpcStore store, Clock clock, RpcObserver observer) {
        this.downlinks = downlinks;
        this.store = store;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * Records the gateway the RPC goes to (only its answer counts), sends the RPC and marks it {@code sent}.
     *
     * @return true once Kafka acknowledged it; false when Kafka did not in time (the RPC stays queued and claimed
     *     until the claim ends, then any dispatcher retries it; the record may still have been written, so the
     *     gateway may receive it twice, with the same id)
     * @throws StoreUnavailableException when the gateway cannot be recorded (nothing was sent; the RPC stays queued
     *     and claimed until the claim ends)
     * @throws RpcNotRecordedException when Kafka acknowledged it but marking it sent failed (it may be sent again)
     */
    public boolean send(Rpc rpc, GatewayRoute route) {
        DownlinkRecord record = downlinkFor(rpc, route, clock.instant());
        store.markDispatching(rpc.key(), route);
        try {
            downlinks.send(record);
        } catch (DownlinkUnavailableException e) {
            observer.sendFailed();
            return false;
        }
        observer.sent();
        Instant sentAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            store.markSent(rpc.key(), route, sentAt,
                    rpc.oneWay() ? Optional.empty() : Optional.of(sentAt.plus(rpc.timeout())));
        } catch (StoreUnavailableException e) {
            throw new RpcNotRecordedException(rpc.key(), e);
        }
        return true;
    }

    /**
     * The downlink record: key, {@code tb_tenant} and {@code tb_device} the sub-device (its owner, also when the
     * gateway's session is another tenant's, after a claim), {@code tb_client_id} the gateway's session, the
     * same {@code ce_id} for every attempt of one RPC (a name-based UUID of its key), and an expiry after which the
     * broker no longer delivers it: the RPC's expiry, and for a two-way RPC at most its timeout from now (nobody
     * waits for the answer after that).
     */
    static DownlinkRecord downlinkFor(Rpc rpc, GatewayRoute route, Instant now) {
        RpcKey key = rpc.key();
        Instant expiry = rpc.oneWay() ? rpc.expiresAt() : earliest(rpc.expiresAt(), now.plus(rpc.timeout()));
        byte[] payload = RpcPayload.forGateway(key.device().device(), key.id(), rpc.method(), rpc.params());
        return new DownlinkRecord(eventId(key), now, DevicePublisher.SOURCE, key.device().tenant(),
                key.device().device(), RpcPayload.GATEWAY_RPC_TOPIC, Optional.empty(), QOS, Optional.of(expiry),
                CONTENT_TYPE, payload, Optional.of(route.clientId()));
    }

    /** The {@code ce_id} of an RPC's downlink: the same for every attempt, so a consumer can drop repeats. */
    public static String eventId(RpcKey key) {
        return UUID.nameUUIDFromBytes(("rpc:" + key.asString()).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
