package io.thingbus.command.domain;

import static io.thingbus.command.domain.RpcFixture.DEVICE;
import static io.thingbus.command.domain.RpcFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcCallsTest {

    private static final ObjectNode ANSWER = JsonNodeFactory.instance.objectNode().put("success", true);

    private final RpcFixture fixture = new RpcFixture();
    private final RpcWaiters waiters = new RpcWaiters();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Clock clock = Clock.systemUTC();
    private RpcCalls calls = calls(Duration.ofSeconds(30));

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aDeviceNoGatewayEverAnnounced_isRefused_andNothingIsStoredOrSent() {
        fixture.register(DEVICE);

        assertThatThrownBy(() -> calls.call(request(false, Optional.empty(), Optional.empty())))
                .isInstanceOf(NotBehindGatewayException.class);
        assertThat(fixture.state.rpcs().size()).isZero();
        assertThat(fixture.sent).isEmpty();
    }

    @Test
    void anUnknownDevice_isNotFound() {
        assertThatThrownBy(() -> calls.call(request(false, Optional.empty(), Optional.empty())))
                .isInstanceOf(DeviceNotFoundException.class);
    }

    @Test
    void whileTheDevicesGatewayIsOffline_theRpcIsQueued_unclaimed_andNothingIsSent() throws Exception {
        fixture.register(DEVICE);
        fixture.gatewayConnected("gw-1", "c-1");
        fixture.subdevice("gw-1", "c-1", false);

        Rpc rpc = calls.call(request(false, Optional.empty(), Optional.of(Duration.ofMinutes(5))))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(rpc.status()).isEqualTo(RpcStatus.QUEUED);
        assertThat(rpc.key().id()).isEqualTo(1);
        assertThat(rpc.expiresAt()).isEqualTo(rpc.createdAt().plus(Duration.ofMinutes(5)));
        assertThat(fixture.state.rpcs().claim(rpc.key())).isEmpty();
        assertThat(fixture.sent).isEmpty();
    }

    @Test
    void aTwoWayRpc_goesToTheGatewaysClientOnly_andCompletesWithTheDevicesAnswer() throws Exception {
        routeThrough("gw-1");

        CompletableFuture<Rpc> call = calls.call(request(false, Optional.empty(), Optional.empty()))
                .toCompletableFuture();

        assertThat(fixture.sent).hasSize(1);
        DownlinkRecord downlink = fixture.sent.get(0);
        assertThat(downlink.clientId()).contains("gw-1");
        assertThat(downlink.topic()).isEqualTo("v1/gateway/rpc");
        assertThat(downlink.key()).isEqualTo(DEVICE);
        assertThat(downlink.qos()).isEqualTo(1);
        assertThat(new String(downlink.payload(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"device\":\"Device A\",\"data\":{\"id\":1,\"method\":\"toggle_gpio\",\"params\":{\"pin\":1}}}");
        assertThat(call).isNotDone();

        fixture.answer(1, ANSWER);
        waiters.signal(RpcKey.of(DEVICE, 1));

        Rpc answered = call.get(5, TimeUnit.SECONDS);
        assertThat(answered.status()).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(answered.response()).contains(ANSWER);
        assertThat(answered.sentThrough()).contains(new GatewayRoute("gw-1", DeviceId.of("gw-1")));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void anAnswerWhoseNotificationWasMissed_isFoundByTheNextReRead() throws Exception {
        calls = calls(Duration.ofMillis(50));
        routeThrough("gw-1");
        CompletableFuture<Rpc> call = calls.call(request(false, Optional.empty(), Optional.empty()))
                .toCompletableFuture();

        fixture.answer(1, JsonNodeFactory.instance.objectNode().put("error", "no such pin"));

        assertThat(call.get(5, TimeUnit.SECONDS).status()).isEqualTo(RpcStatus.FAILED);
    }

    @Test
    void aTwoWayRpcWithoutAnswer_timesOutAfterItsTimeout_andAnswersAfterwardsAreLate() throws Exception {
        calls = calls(Duration.ofMillis(50));
        routeThrough("gw-1");

        Rpc rpc = calls.call(request(false, Optional.of(Duration.ofMillis(200)), Optional.empty()))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(rpc.status()).isEqualTo(RpcStatus.TIMED_OUT);
        assertThat(Duration.between(rpc.sentAt().orElseThrow(), rpc.completedAt().orElseThrow()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(fixture.answer(1, ANSWER).count(StateOutcome.RPC_ANSWERED_LATE)).isEqualTo(1);
        assertThat(calls.find(rpc.key()).status()).isEqualTo(RpcStatus.TIMED_OUT);
    }

    @Test
    void aOneWayRpc_isCompleteOnceSent_andDoesNotWait() throws Exception {
        routeThrough("gw-1");

        CompletableFuture<Rpc> call = calls.call(request(true, Optional.empty(), Optional.empty()))
                .toCompletableFuture();

        assertThat(call).isDone();
        Rpc rpc = call.get();
        assertThat(rpc.status()).isEqualTo(RpcStatus.SENT);
        assertThat(rpc.completedAt()).isEqualTo(rpc.sentAt());
        assertThat(rpc.replyBy()).isEmpty();
        assertThat(fixture.sent.get(0).expiry()).contains(rpc.expiresAt().truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void whenKafkaDoesNotAcknowledge_theRpcStaysQueued_andClaimedForTheLease() throws Exception {
        routeThrough("gw-1");
        fixture.kafkaDown = true;

        Rpc rpc = calls.call(request(false, Optional.empty(), Optional.empty())).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(rpc.status()).isEqualTo(RpcStatus.QUEUED);
        assertThat(fixture.state.rpcs().claim(rpc.key())).hasValueSatisfying(until ->
                assertThat(until).isAfter(rpc.createdAt().plus(Duration.ofSeconds(29))));
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void anAnswerFasterThanTheSendsRecord_keepsItsStatus_andTheRpcStillNamesItsGateway() throws Exception {
        routeThrough("gw-1");
        fixture.onAcknowledged = () -> fixture.answer(1, ANSWER);

        Rpc rpc = calls.call(request(false, Optional.empty(), Optional.empty())).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(rpc.status()).isEqualTo(RpcStatus.SUCCEEDED);
        assertThat(rpc.sentThrough()).map(GatewayRoute::clientId).contains("gw-1");
        assertThat(rpc.sentAt()).isPresent();
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void whenTheDatabaseFailsAfterKafkaAcknowledged_theCallerLearnsItMayBeSentAgain() {
        routeThrough("gw-1");
        fixture.state.rpcs().failMarkSent(true);

        assertThatThrownBy(() -> calls.call(request(false, Optional.empty(), Optional.empty())))
                .isInstanceOf(RpcNotRecordedException.class);

        fixture.state.rpcs().failMarkSent(false);
        RpcKey key = RpcKey.of(DEVICE, 1);
        assertThat(calls.find(key).status()).isEqualTo(RpcStatus.QUEUED);
        assertThat(fixture.state.rpcs().claim(key)).isPresent();
        assertThat(waiters.waiting()).isZero();
    }

    @Test
    void aMessageLargerThanTheLimit_isRefused_andNothingIsStored() {
        routeThrough("gw-1");
        RpcRequest big = new RpcRequest(DEVICE, "m", JsonNodeFactory.instance.textNode("x".repeat(2000)), true,
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> calls.call(big)).isInstanceOf(PayloadTooLargeException.class);
        assertThat(fixture.state.rpcs().size()).isZero();
    }

    @Test
    void rpcNumbers_countUpPerDevice() throws Exception {
        routeThrough("gw-1");
        DeviceKey other = DeviceKey.of(RpcFixture.TENANT, DeviceId.of("Device B"));
        fixture.register(other);

        calls.call(request(true, Optional.empty(), Optional.empty()));
        Rpc second = calls.call(request(true, Optional.empty(), Optional.empty())).toCompletableFuture().get();

        assertThat(second.key().id()).isEqualTo(2);
        assertThatThrownBy(() -> calls.find(RpcKey.of(other, 1))).isInstanceOf(RpcNotFoundException.class);
    }

    private void routeThrough(String gateway) {
        fixture.register(DEVICE);
        fixture.gatewayConnected(gateway, "c-1");
        fixture.subdevice(gateway, "c-1", true);
    }

    private RpcCalls calls(Duration pollInterval) {
        return new RpcCalls(fixture.state, fixture.state, fixture.state.rpcs(), fixture.sender(clock), waiters, clock,
                RpcFixture.settings(pollInterval), executor, RpcObserver.NONE);
    }
}
