package io.thingbus.command.domain;

import static io.thingbus.command.domain.RpcFixture.DEVICE;
import static io.thingbus.command.domain.RpcFixture.T0;
import static io.thingbus.command.domain.RpcFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcSweeperTest {

    private final RpcFixture fixture = new RpcFixture();
    private final MutableClock clock = new MutableClock(T0);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final RpcSettings settings = RpcFixture.settings(Duration.ofSeconds(1));
    private final RpcCalls calls = new RpcCalls(fixture.state, fixture.state, fixture.state.rpcs(),
            fixture.sender(clock), new RpcWaiters(), clock, settings, executor, RpcObserver.NONE);
    private final RpcSweeper sweeper = new RpcSweeper(fixture.state.rpcs(), fixture.state, fixture.sender(clock),
            clock, settings, RpcObserver.NONE);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void aQueuedRpc_isSentToTheGatewayThatAnnouncesTheDevice() {
        Rpc rpc = queued(Duration.ofMinutes(5));
        assertThat(sweeper.sweep().claimed()).isZero();

        fixture.gatewayConnected("gw-2", "c-9");
        fixture.subdevice("gw-2", "c-9", true);
        SweepReport report = sweeper.sweep();

        assertThat(report.dispatched()).isEqualTo(1);
        assertThat(fixture.sent).singleElement().satisfies(downlink -> {
            assertThat(downlink.clientId()).contains("gw-2");
            assertThat(new String(downlink.payload(), StandardCharsets.UTF_8)).contains("\"id\":1");
        });
        Rpc sent = fixture.state.rpcs().find(rpc.key()).orElseThrow();
        assertThat(sent.status()).isEqualTo(RpcStatus.SENT);
        assertThat(sent.replyBy()).contains(T0.plus(Duration.ofSeconds(10)));
        assertThat(sweeper.sweep().claimed()).isZero();
    }

    @Test
    void aQueuedRpcPastItsExpiry_expires_andIsNeverSent() {
        Rpc rpc = queued(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));

        SweepReport report = sweeper.sweep();
        fixture.gatewayConnected("gw-1", "c-2");
        fixture.subdevice("gw-1", "c-2", true);
        sweeper.sweep();

        assertThat(report.expired()).isEqualTo(1);
        assertThat(fixture.state.rpcs().find(rpc.key()).orElseThrow().status()).isEqualTo(RpcStatus.EXPIRED);
        assertThat(fixture.sent).isEmpty();
    }

    @Test
    void aSentTwoWayRpcWithoutAnswer_timesOutWhenItsReplyByPasses_evenWithoutAWaitingCall() {
        Rpc rpc = queued(Duration.ofMinutes(5));
        fixture.gatewayConnected("gw-1", "c-2");
        fixture.subdevice("gw-1", "c-2", true);
        sweeper.sweep();

        clock.advance(Duration.ofSeconds(9));
        assertThat(sweeper.sweep().timedOut()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sweeper.sweep().timedOut()).isEqualTo(1);
        assertThat(fixture.state.rpcs().find(rpc.key()).orElseThrow().status()).isEqualTo(RpcStatus.TIMED_OUT);
    }

    @Test
    void aSendKafkaDidNotAcknowledge_isRetriedOnceTheLeaseEnds() {
        Rpc rpc = queued(Duration.ofMinutes(5));
        fixture.gatewayConnected("gw-1", "c-2");
        fixture.subdevice("gw-1", "c-2", true);
        fixture.kafkaDown = true;
        assertThat(sweeper.sweep().failed()).isEqualTo(1);

        fixture.kafkaDown = false;
        clock.advance(Duration.ofSeconds(29));
        assertThat(sweeper.sweep().claimed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sweeper.sweep().dispatched()).isEqualTo(1);
        assertThat(fixture.state.rpcs().find(rpc.key()).orElseThrow().status()).isEqualTo(RpcStatus.SENT);
    }

    @Test
    void finishedRpcs_areDeletedAfterTheRetention() {
        Rpc rpc = queued(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        sweeper.sweep();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        SweepReport report = sweeper.sweep();

        assertThat(report.deleted()).isEqualTo(1);
        assertThat(fixture.state.rpcs().find(rpc.key())).isEmpty();
    }

    /** A two-way RPC held because the device's gateway is offline. */
    private Rpc queued(Duration expiry) {
        fixture.register(DEVICE);
        fixture.gatewayConnected("gw-1", "c-1");
        fixture.subdevice("gw-1", "c-1", true);
        fixture.gatewayDisconnected("gw-1", "c-1");
        Rpc rpc = calls.call(request(false, Optional.empty(), Optional.of(expiry))).toCompletableFuture().join();
        assertThat(rpc.status()).isEqualTo(RpcStatus.QUEUED);
        return rpc;
    }
}
