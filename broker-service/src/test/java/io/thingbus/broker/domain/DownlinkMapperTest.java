package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DownlinkMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final TenantId CLAIMER = TenantId.of("Uclaimer01");
    private static final TenantId STRANGER = TenantId.of("Ustranger1");
    private static final DeviceToken TOKEN = DeviceToken.of("MyToken42");
    private static final byte[] PAYLOAD = "{\"led\":\"on\"}".getBytes(StandardCharsets.UTF_8);

    private final KnownTokens tokens = new KnownTokens(100);
    private final DeviceCredentials credentials = new DeviceCredentials();
    private final ClientSessions clients = new ClientSessions(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));
    private final ClaimedDevices claims = new ClaimedDevices();
    private final DownlinkMapper mapper = new DownlinkMapper(tokens, credentials, clients, claims,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24));

    @BeforeEach
    void tokenSeenAndValid() {
        credentials.grant(TOKEN.hash(), TENANT);
        tokens.learn(TOKEN);
    }

    @Test
    void thingScaleCommand_getsThePlainTokenInItsTopic_andTheRecordsQosAndContentType() {
        DownlinkDecision decision = mapper.decide(command(TOKEN.hash(), TENANT, Optional.empty()));

        assertThat(decision).isInstanceOf(DownlinkDecision.Deliver.class);
        OutboundMessage message = ((DownlinkDecision.Deliver) decision).message();
        assertThat(message.topic()).isEqualTo("MyToken42/dev-1/subscribe");
        assertThat(message.qos()).isEqualTo(1);
        assertThat(message.expiry()).isEqualTo(Duration.ofHours(24));
        assertThat(message.contentType()).isEqualTo("application/json");
        assertThat(message.payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void expiry_isTheTimeLeft_roundedUpToWholeSeconds() {
        DownlinkDecision decision = mapper.decide(command(TOKEN.hash(), TENANT,
                Optional.of(NOW.plusSeconds(90).plusMillis(200))));

        assertThat(((DownlinkDecision.Deliver) decision).message().expiry()).isEqualTo(Duration.ofSeconds(91));
    }

    @Test
    void expiredRecord_isSkipped() {
        assertThat(mapper.decide(command(TOKEN.hash(), TENANT, Optional.of(NOW))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.EXPIRED));
    }

    @Test
    void tokenNeverSeenHere_isSkipped() {
        DeviceToken stranger = DeviceToken.of("Stranger1");
        credentials.grant(stranger.hash(), TENANT);

        assertThat(mapper.decide(command(stranger.hash(), TENANT, Optional.empty())))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.UNKNOWN_TOKEN));
    }

    @Test
    void revokedToken_isSkipped() {
        credentials.revoke(TOKEN.hash());

        assertThat(mapper.decide(command(TOKEN.hash(), TENANT, Optional.empty())))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.TOKEN_NOT_VALID));
    }

    @Test
    void recordOfAnotherTenantThanTheTokens_isSkipped() {
        assertThat(mapper.decide(command(TOKEN.hash(), TenantId.of("Uother0001"), Optional.empty())))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.TOKEN_NOT_VALID));
    }

    @Test
    void topicWithoutPlaceholder_isPublishedAsItIs_toEverySubscriber() {
        DownlinkRecord record = new DownlinkRecord("d-1", NOW, "//src", TENANT, DeviceId.of("dev-1"),
                "MyToken42/dev-1/subscribe", Optional.empty(), 0, Optional.empty(), "application/json", PAYLOAD);

        OutboundMessage message = ((DownlinkDecision.Deliver) mapper.decide(record)).message();

        assertThat(message.topic()).isEqualTo("MyToken42/dev-1/subscribe");
        assertThat(message.clientId()).isEmpty();
    }

    @Test
    void topicEveryTenantUses_withoutClient_isSkipped_becauseEveryTenantsGatewaysWouldReceiveIt() {
        assertThat(mapper.decide(gatewayMessage(TENANT, Optional.empty())))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_REQUIRED));
        assertThat(mapper.decide(new DownlinkRecord("d-1", NOW, "//src", TENANT, DeviceId.of("dev-1"),
                "v1/device/dev-1/command", Optional.empty(), 0, Optional.empty(), "application/json", PAYLOAD)))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_REQUIRED));
    }

    @Test
    void recordForAClientOfItsTenant_isDeliveredToThatClientOnly() {
        clients.claim("gw-1", TENANT, "c-1");
        clients.established("gw-1", "c-1");

        OutboundMessage message = ((DownlinkDecision.Deliver) mapper.decide(gatewayMessage(TENANT,
                Optional.of("gw-1")))).message();

        assertThat(message.clientId()).contains("gw-1");
        assertThat(message.topic()).isEqualTo("v1/gateway/rpc");
    }

    @Test
    void recordForAClientOfAnotherTenant_isSkipped() {
        clients.claim("gw-1", TenantId.of("Uother0001"), "c-1");
        clients.established("gw-1", "c-1");

        assertThat(mapper.decide(gatewayMessage(TENANT, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
    }

    @Test
    void recordForAClientWithoutConnectionOrSessionHere_isSkipped() {
        assertThat(mapper.decide(gatewayMessage(TENANT, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.UNKNOWN_CLIENT));
    }

    @Test
    void thingScaleCommandForOneClient_needsBothTheTokenAndTheClient() {
        clients.claim("dev-1_a", TENANT, "c-1");
        DownlinkRecord record = new DownlinkRecord("d-1", NOW, "//src", TENANT, DeviceId.of("dev-1"),
                DownlinkRecord.thingScaleTopic(DeviceId.of("dev-1")), Optional.of(TOKEN.hash()), 1, Optional.empty(),
                "application/json", PAYLOAD, Optional.of("dev-1_a"));

        OutboundMessage message = ((DownlinkDecision.Deliver) mapper.decide(record)).message();

        assertThat(message.topic()).isEqualTo("MyToken42/dev-1/subscribe");
        assertThat(message.clientId()).contains("dev-1_a");
    }

    @Test
    void claimersRecord_forTheClaimedDevice_reachesTheFormerOwnersGatewayThatCarriesIt() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device A")), CLAIMER);

        OutboundMessage message = ((DownlinkDecision.Deliver) mapper.decide(gatewayMessage(CLAIMER,
                Optional.of("gw-1")))).message();

        assertThat(message.clientId()).contains("gw-1");
        assertThat(message.topic()).isEqualTo("v1/gateway/rpc");
        assertThat(mapper.decide(gatewayMessage(TENANT, Optional.of("gw-1")))).as("the gateway's own user")
                .isInstanceOf(DownlinkDecision.Deliver.class);
    }

    @Test
    void aThirdUsersRecord_namingTheGateway_isSkipped_evenWhenTheDeviceWasClaimed() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device A")), CLAIMER);

        assertThat(mapper.decide(gatewayMessage(STRANGER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
    }

    @Test
    void claimersRecord_forADeviceItDidNotClaimFromTheGatewaysUser_isSkipped() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device B")), CLAIMER);
        claims.claimed(DeviceKey.of(STRANGER, DeviceId.of("Device A")), CLAIMER);

        assertThat(mapper.decide(gatewayMessage(CLAIMER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
    }

    @Test
    void claimersRecord_onATopicGatewaysDoNotSubscribeTo_isSkipped() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device A")), CLAIMER);
        DownlinkRecord record = new DownlinkRecord("d-1", NOW, "//src", CLAIMER, DeviceId.of("Device A"),
                "Device A/commands", Optional.empty(), 1, Optional.empty(), "application/json", PAYLOAD,
                Optional.of("gw-1"));

        assertThat(mapper.decide(record)).isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
    }

    @Test
    void aDeviceGivenOn_isReachedByItsCurrentOwnerOnly_andAClaimUndone_byNobodyElse() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device A")), CLAIMER);
        claims.claimed(DeviceKey.of(CLAIMER, DeviceId.of("Device A")), STRANGER);

        assertThat(mapper.decide(gatewayMessage(STRANGER, Optional.of("gw-1"))))
                .isInstanceOf(DownlinkDecision.Deliver.class);
        assertThat(mapper.decide(gatewayMessage(CLAIMER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));

        claims.reclaimed(DeviceKey.of(TENANT, DeviceId.of("Device A")));

        assertThat(mapper.decide(gatewayMessage(STRANGER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
    }

    @Test
    void aDeviceGivenBack_whileTheClaimsFormACycle_isReachedThroughTheGatewayByItsOwnUserOnly() {
        gatewayOf(TENANT);
        claims.claimed(DeviceKey.of(TENANT, DeviceId.of("Device A")), CLAIMER);
        claims.claimed(DeviceKey.of(CLAIMER, DeviceId.of("Device A")), STRANGER);
        claims.claimed(DeviceKey.of(STRANGER, DeviceId.of("Device A")), TENANT);

        assertThat(mapper.decide(gatewayMessage(STRANGER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
        assertThat(mapper.decide(gatewayMessage(CLAIMER, Optional.of("gw-1"))))
                .isEqualTo(new DownlinkDecision.Skip(DownlinkSkipReason.CLIENT_NOT_VALID));
        assertThat(mapper.decide(gatewayMessage(TENANT, Optional.of("gw-1"))))
                .isInstanceOf(DownlinkDecision.Deliver.class);
    }

    private void gatewayOf(TenantId tenant) {
        clients.claim("gw-1", tenant, "c-1");
        clients.established("gw-1", "c-1");
    }

    private static DownlinkRecord gatewayMessage(TenantId tenant, Optional<String> clientId) {
        return new DownlinkRecord("d-1", NOW, "//src", tenant, DeviceId.of("Device A"), "v1/gateway/rpc",
                Optional.empty(), 1, Optional.empty(), "application/json", PAYLOAD, clientId);
    }

    private static DownlinkRecord command(SecretHash hash, TenantId tenant, Optional<Instant> expiry) {
        return new DownlinkRecord("d-1", NOW, "//src", tenant, DeviceId.of("dev-1"),
                DownlinkRecord.thingScaleTopic(DeviceId.of("dev-1")), Optional.of(hash), 1, expiry,
                "application/json", PAYLOAD);
    }
}
