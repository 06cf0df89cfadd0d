package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubdeviceOwnershipTest {

    private static final Instant NOW = Instant.parse("2026-11-21T11:00:00Z");
    private static final TenantId OWNER = TenantId.of("Uab12cd34ef");
    private static final TenantId CLAIMER = TenantId.of("Uclaimer01");
    private static final DeviceId DEVICE = DeviceId.of("Device A");
    private static final DeviceKey FORMER = DeviceKey.of(OWNER, DEVICE);
    private static final MqttConnection GATEWAY =
            new MqttConnection(new ConnectionIdentity(OWNER, DeviceToken.of("GatewayToken42")), "gw-1", "c-1");

    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewaySubdevices subdevices = new GatewaySubdevices(claims);
    private final List<List<Uplink>> sent = new CopyOnWriteArrayList<>();
    private final SubdeviceOwnership ownership = new SubdeviceOwnership(claims, subdevices, records -> {
        sent.add(records);
        return CompletableFuture.completedFuture(null);
    }, Clock.fixed(NOW, ZoneOffset.UTC));
    private final GatewayPublishMapper mapper = new GatewayPublishMapper(Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id", "//thingbus/broker-service/edge-1", "edge-1", claims);

    @Test
    void aClaimOfAConnectedDevice_sendsTheReannouncementInOneCall_withoutAnMqttOrigin() {
        publish("v1/gateway/connect", "{\"device\":\"Device A\",\"type\":\"thermostat\"}");
        sent.clear();

        Reannounced reannounced = ownership.claimed(FORMER, CLAIMER);

        assertThat(reannounced.links()).isEqualTo(1);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).allSatisfy(uplink ->
                assertThat(((Uplink.SubdeviceEvent) uplink).origin()).isEmpty());
        assertThat(events(sent.get(0))).extracting(SubdeviceEventRecord::event, SubdeviceEventRecord::deviceTenant,
                SubdeviceEventRecord::deviceType).containsExactly(
                        tuple("disconnected", null, "thermostat"),
                        tuple("connected", CLAIMER, "thermostat"));
    }

    @Test
    void aTombstone_reannouncesTheDeviceUnderTheGatewaysUserAgain() {
        publish("v1/gateway/connect", "{\"device\":\"Device A\"}");
        ownership.claimed(FORMER, CLAIMER);
        sent.clear();

        Reannounced reannounced = ownership.reclaimed(FORMER);

        assertThat(reannounced.links()).isEqualTo(1);
        assertThat(events(sent.get(0))).extracting(SubdeviceEventRecord::event, SubdeviceEventRecord::deviceTenant)
                .containsExactly(tuple("disconnected", CLAIMER),
                        tuple("connected", null));
    }

    @Test
    void aClaimOfADeviceNotConnectedHere_sendsNothing() {
        publish("v1/gateway/connect", "{\"device\":\"Device B\"}");
        sent.clear();

        Reannounced reannounced = ownership.claimed(FORMER, CLAIMER);

        assertThat(reannounced.links()).isZero();
        assertThat(reannounced.stored().toCompletableFuture()).isDone();
        assertThat(sent).isEmpty();
        assertThat(claims.ownerOf(OWNER, DEVICE)).as("the claim still applies").isEqualTo(CLAIMER);
    }

    @Test
    void aClaimAppliedWhileAGatewayPublishRuns_waitsForIt_andIsReannouncedAfterThePublishsRecords() throws Exception {
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch finishPublish = new CountDownLatch(1);
        Thread gateway = new Thread(() -> ownership.duringPublish(() -> {
            List<Uplink> records = decide("v1/gateway/connect", "{\"device\":\"Device A\"}");
            publishing.countDown();
            awaitQuietly(finishPublish);
            records.forEach(r -> subdevices.apply(((Uplink.SubdeviceEvent) r).record()));
            sent.add(records);
        }));
        gateway.start();
        assertThat(publishing.await(10, TimeUnit.SECONDS)).as("the gateway publish runs").isTrue();
        FutureTask<Reannounced> claim = new FutureTask<>(() -> ownership.claimed(FORMER, CLAIMER));
        Thread claimant = new Thread(claim);
        claimant.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> ownership.isWaitingForTheLock(claimant));
        assertThat(claim).as("the claim waits for the publish").isNotDone();
        assertThat(claims.ownerOf(OWNER, DEVICE)).as("and is not applied yet").isEqualTo(OWNER);
        finishPublish.countDown();
        gateway.join(10_000);

        assertThat(claim.get(10, TimeUnit.SECONDS).links()).isEqualTo(1);
        assertThat(sent).extracting(this::events).extracting(e -> e.stream()
                .map(r -> r.event() + ":" + r.deviceKey().tenant().value()).toList())
                .containsExactly(List.of("connected:" + OWNER.value()),
                        List.of("disconnected:" + OWNER.value(), "connected:" + CLAIMER.value()));
    }

    @Test
    void aGatewayPublishAfterTheClaim_resolvesTheClaimer_andNothingIsReannouncedForIt() {
        ownership.claimed(FORMER, CLAIMER);

        publish("v1/gateway/connect", "{\"device\":\"Device A\"}");
        Reannounced again = ownership.claimed(FORMER, CLAIMER);

        assertThat(events(sent.get(0))).extracting(SubdeviceEventRecord::deviceTenant).containsExactly(CLAIMER);
        assertThat(again.links()).isZero();
        assertThat(sent).hasSize(1);
    }

    /** What the gateway publish handler does: decide, track, send — as one step. */
    private void publish(String topic, String payload) {
        ownership.duringPublish(() -> {
            List<Uplink> records = decide(topic, payload);
            records.forEach(r -> subdevices.apply(((Uplink.SubdeviceEvent) r).record()));
            sent.add(records);
        });
    }

    private List<Uplink> decide(String topic, String payload) {
        InboundPublish publish = new InboundPublish(topic, 1, false, GATEWAY.clientId(), List.of(),
                payload.getBytes(StandardCharsets.UTF_8));
        return ((GatewayDecision.Forward) mapper.decide(publish, GATEWAY)).records();
    }

    private List<SubdeviceEventRecord> events(List<Uplink> records) {
        return records.stream().map(r -> ((Uplink.SubdeviceEvent) r).record()).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
