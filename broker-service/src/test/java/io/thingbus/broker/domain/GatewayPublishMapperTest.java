package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GatewayPublishMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final DeviceToken TOKEN = DeviceToken.of("GatewayToken42");
    private static final MqttConnection GATEWAY =
            new MqttConnection(new ConnectionIdentity(TENANT, TOKEN), "Gateway 1", "conn-1");
    private static final DeviceId GATEWAY_ID = DeviceId.of("Gateway 1");
    private static final TenantId CLAIMER = TenantId.of("Uclaimer01");
    private static final DeviceId CLAIMED = DeviceId.of("Device A");
    private static final DeviceId OWN = DeviceId.of("Device B");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicInteger ids = new AtomicInteger();
    private final ClaimedDevices claims = new ClaimedDevices();
    private final GatewayPublishMapper mapper = new GatewayPublishMapper(Clock.fixed(NOW, ZoneOffset.UTC),
            () -> "id-" + ids.incrementAndGet(), "//thingbus/broker-service/edge-1", "edge-1", claims);

    @Test
    void connect_becomesAConnectedSubdeviceEvent_withTheGatewaysIdentity_andTheTokensHash() {
        List<Uplink> records = forwarded(decide("v1/gateway/connect", "{\"device\":\"Device A\",\"type\":\"thermostat\"}"));

        assertThat(records).containsExactly(new Uplink.SubdeviceEvent(new SubdeviceEventRecord("connected", TENANT,
                DeviceId.of("Device A"), "thermostat", GATEWAY_ID, "Gateway 1", "conn-1", "edge-1", TOKEN.hash(), NOW),
                origin("v1/gateway/connect")));
    }

    @Test
    void connect_withoutType_hasNoType_andDisconnect_ignoresOne() {
        SubdeviceEventRecord connected = single(decide("v1/gateway/connect", "{\"device\":\"Device A\"}"),
                Uplink.SubdeviceEvent.class).record();
        SubdeviceEventRecord disconnected = single(decide("v1/gateway/disconnect",
                "{\"device\":\"Device A\",\"type\":\"thermostat\"}"), Uplink.SubdeviceEvent.class).record();

        assertThat(connected.deviceType()).isNull();
        assertThat(disconnected.event()).isEqualTo("disconnected");
        assertThat(disconnected.deviceType()).isNull();
        assertThat(disconnected.deviceId()).isEqualTo(DeviceId.of("Device A"));
    }

    @Test
    void connect_withoutDevice_orWithAnInvalidName_isRefusedAsAWhole() {
        assertRefusedAsPayload(decide("v1/gateway/connect", "{\"type\":\"x\"}"), "\"device\"");
        assertRefusedAsPayload(decide("v1/gateway/connect", "{\"device\":\"a/b\"}"), "invalid device name");
        assertRefusedAsPayload(decide("v1/gateway/connect", "{\"device\":42}"), "\"device\"");
        assertRefusedAsPayload(decide("v1/gateway/connect", "{\"device\":\"A\",\"type\":7}"), "\"type\"");
    }

    @Test
    void batchedTelemetry_becomesOneRecordPerPoint_atItsTimestamp_withTheValuesAsPayload() {
        List<Uplink> records = forwarded(decide("v1/gateway/telemetry", """
                {"Device A":[{"ts":1483228800000,"values":{"temperature":42,"humidity":80}},
                             {"ts":1483228801000,"values":{"temperature":43,"humidity":82}}],
                 "Device B":[{"ts":1483228800000,"values":{"temperature":42.10}}]}"""));

        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(((Uplink.Telemetry) r).acceptedAt()).isEqualTo(NOW));
        TelemetryRecord first = ((Uplink.Telemetry) records.get(0)).record();
        assertThat(first).isEqualTo(new TelemetryRecord("id-1", Instant.ofEpochMilli(1483228800000L),
                "//thingbus/broker-service/edge-1", TENANT, DeviceId.of("Device A"), Optional.empty(),
                PayloadFormat.JSON, Optional.of(origin("v1/gateway/telemetry")),
                utf8("{\"temperature\":42,\"humidity\":80}"), Optional.of(TOKEN.hash())));
        assertThat(telemetry(records, 1).time()).isEqualTo(Instant.ofEpochMilli(1483228801000L));
        assertThat(telemetry(records, 2).device()).isEqualTo(DeviceId.of("Device B"));
        assertThat(new String(telemetry(records, 2).payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"temperature\":42.10}");
        assertThat(records).extracting(r -> ((Uplink.Telemetry) r).record().id()).doesNotHaveDuplicates();
    }

    @Test
    void telemetryWithoutTimestamp_isAtTheTimeTheEdgeAcceptedIt_inEveryForm() {
        List<Uplink> records = forwarded(decide("v1/gateway/telemetry", """
                {"Device A":{"temperature":42},
                 "Device B":{"values":{"temperature":43}},
                 "Device C":[{"temperature":44}]}"""));

        assertThat(records).extracting(r -> ((Uplink.Telemetry) r).record().time()).containsOnly(NOW);
        assertThat(records).extracting(r -> new String(((Uplink.Telemetry) r).record().payload(),
                StandardCharsets.UTF_8)).containsExactly("{\"temperature\":42}", "{\"temperature\":43}",
                "{\"temperature\":44}");
    }

    @Test
    void aBareObjectWhoseOnlyKeyIsValues_withANonObjectValue_isAValueNamedValues() {
        TelemetryRecord record = single(decide("v1/gateway/telemetry", "{\"Device A\":{\"values\":5}}"),
                Uplink.Telemetry.class).record();

        assertThat(new String(record.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"values\":5}");
    }

    @Test
    void batchWithInvalidEntries_forwardsTheValidOnes_andListsEveryInvalidOne() {
        GatewayDecision decision = decide("v1/gateway/telemetry", """
                {"Device A":[{"ts":1483228800000,"values":{"t":1}},{"ts":1483228801000},{"ts":"yesterday","values":{"t":2}}],
                 "bad/name":[{"ts":1483228800000,"values":{"t":3}}],
                 "Device B":"hot",
                 "Device C":[],
                 "Device D":{"ts":1,"values":{"t":4},"extra":true},
                 "Device E":{},
                 "Device F":[{"t":5}, 7]}""");

        GatewayDecision.Forward forward = (GatewayDecision.Forward) decision;
        assertThat(forward.records()).extracting(r -> ((Uplink.Telemetry) r).record().device().value())
                .containsExactly("Device A", "Device F");
        assertThat(forward.skipped()).extracting(SkippedEntry::entry).containsExactly("Device A[1]", "Device A[2]",
                "bad/name", "Device B", "Device C", "Device D", "Device E", "Device F[1]");
        assertThat(forward.skipped().get(2).problem()).contains("invalid device name");
    }

    @Test
    void batchWithoutAnyValidEntry_isRefused_namingTheFirstProblem() {
        Refusal refusal = refused(decide("v1/gateway/telemetry", "{\"a/b\":{\"t\":1},\"Device A\":[]}"));

        assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_GATEWAY_PAYLOAD);
        assertThat(refusal.detail()).startsWith("v1/gateway/telemetry: no valid entry").contains("'a/b'");
    }

    @Test
    void payloadThatIsNotAJsonObject_isRefused() {
        assertRefusedAsPayload(decide("v1/gateway/telemetry", "[1,2]"), "JSON object");
        assertRefusedAsPayload(decide("v1/gateway/telemetry", "{\"Device A\":{\"t\":1}"), "not valid JSON");
        assertRefusedAsPayload(decide("v1/gateway/telemetry", "{\"Device A\":{\"t\":1}} {}"), "not valid JSON");
        assertRefusedAsPayload(decide("v1/gateway/telemetry", ""), "JSON object");
        assertRefusedAsPayload(decide("v1/gateway/telemetry", "{}"), "at least one device");
        assertRefusedAsPayload(decide("v1/gateway/attributes", "{\"Device A\":{\"t\":NaN}}"), "not valid JSON");
    }

    @Test
    void aDeviceNamedTwice_isRefused_ratherThanLosingOneOfItsEntries() {
        assertRefusedAsPayload(decide("v1/gateway/telemetry", "{\"Device A\":{\"t\":1},\"Device A\":{\"t\":2}}"),
                "not valid JSON");
    }

    @Test
    void timestamps_mustBeMillisecondsAsAnInteger() {
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decide("v1/gateway/telemetry", """
                {"A":{"ts":1.5,"values":{"t":1}},"B":{"ts":-1,"values":{"t":1}},"C":{"ts":253402300800000,"values":{"t":1}},
                 "D":{"ts":0,"values":{"t":1}}}""");

        assertThat(forward.skipped()).extracting(SkippedEntry::entry).containsExactly("A", "B", "C");
        assertThat(telemetry(forward.records(), 0).time()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void attributes_becomeOneClientScopeUpdatePerDevice_fromTheGateway() {
        List<Uplink> records = forwarded(decide("v1/gateway/attributes",
                "{\"Device A\":{\"attribute1\":\"value1\",\"attribute2\":42},\"Device B\":{\"gone\":null}}"));

        assertThat(records).containsExactly(
                new Uplink.AttributeUpdate(new AttributeUpdateRecord(TENANT, DeviceId.of("Device A"), "client",
                        json("{\"attribute1\":\"value1\",\"attribute2\":42}"), GATEWAY_ID, NOW),
                        origin("v1/gateway/attributes")),
                new Uplink.AttributeUpdate(new AttributeUpdateRecord(TENANT, DeviceId.of("Device B"), "client",
                        json("{\"gone\":null}"), GATEWAY_ID, NOW), origin("v1/gateway/attributes")));
    }

    @Test
    void attributesOfADevice_mustBeANonEmptyObject() {
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decide("v1/gateway/attributes",
                "{\"Device A\":{\"k\":1},\"Device B\":{},\"Device C\":[1]}");

        assertThat(forward.records()).hasSize(1);
        assertThat(forward.skipped()).extracting(SkippedEntry::entry).containsExactly("Device B", "Device C");
    }

    @Test
    void attributeRequest_becomesARequestAnsweredOnTheGatewaysResponseTopic() {
        AttributeRequestRecord request = single(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"Device A\",\"client\":true,\"key\":\"attribute1\"}"),
                Uplink.AttributeRequest.class).record();

        assertThat(request).isEqualTo(new AttributeRequestRecord(TENANT, DeviceId.of("Device A"), "client",
                List.of("attribute1"), "1", GATEWAY_ID, "Gateway 1", "v1/gateway/attributes/response", NOW));
    }

    @Test
    void attributeRequest_forSharedAttributes_mayNameSeveralKeys_orNone() {
        AttributeRequestRecord several = single(decide("v1/gateway/attributes/request",
                "{\"id\":\"r-7\",\"device\":\"Device A\",\"client\":false,\"key\":\"a\",\"keys\":[\"b\",\"a\"]}"),
                Uplink.AttributeRequest.class).record();
        AttributeRequestRecord all = single(decide("v1/gateway/attributes/request",
                "{\"id\":2,\"device\":\"Device A\",\"client\":false}"), Uplink.AttributeRequest.class).record();

        assertThat(several.scope()).isEqualTo("shared");
        assertThat(several.keys()).containsExactly("a", "b");
        assertThat(several.requestId()).isEqualTo("r-7");
        assertThat(all.keys()).isEmpty();
    }

    @Test
    void attributeRequest_withoutIdOrScope_orWithBadKeys_isRefused() {
        assertRefusedAsPayload(decide("v1/gateway/attributes/request", "{\"device\":\"A\",\"client\":true}"), "\"id\"");
        assertRefusedAsPayload(decide("v1/gateway/attributes/request", "{\"id\":1,\"device\":\"A\"}"), "\"client\"");
        assertRefusedAsPayload(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"A\",\"client\":\"yes\"}"), "\"client\"");
        assertRefusedAsPayload(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"A\",\"client\":true,\"keys\":\"a\"}"), "\"keys\"");
        assertRefusedAsPayload(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"A\",\"client\":true,\"keys\":[\"\"]}"), "attribute key");
        assertRefusedAsPayload(decide("v1/gateway/attributes/request",
                "{\"id\":1.5,\"device\":\"A\",\"client\":true}"), "\"id\"");
    }

    @Test
    void rpcAnswer_becomesAnRpcResponseWithTheData() {
        RpcResponseRecord response = single(decide("v1/gateway/rpc",
                "{\"device\":\"Device A\",\"id\":5,\"data\":{\"success\":true}}"), Uplink.RpcResponse.class).record();

        assertThat(response).isEqualTo(new RpcResponseRecord(TENANT, DeviceId.of("Device A"), "5",
                json("{\"success\":true}"), GATEWAY_ID, NOW));
    }

    @Test
    void rpcAnswer_withoutData_hasNone_butNeedsItsId() {
        assertThat(single(decide("v1/gateway/rpc", "{\"device\":\"Device A\",\"id\":5}"), Uplink.RpcResponse.class)
                .record().data()).isNull();
        assertRefusedAsPayload(decide("v1/gateway/rpc", "{\"device\":\"Device A\",\"data\":{}}"), "\"id\"");
    }

    @Test
    void claim_becomesOneRequestPerDevice_withTheSecretsHash_andAnEmptySecretWhenMissing() {
        List<Uplink> records = forwarded(decide("v1/gateway/claim",
                "{\"Device A\":{\"secretKey\":\"value_A\",\"durationMs\":60000},\"Device B\":{}}"));

        assertThat(records).containsExactly(
                new Uplink.ClaimRequest(new ClaimRequestRecord(TENANT, DeviceId.of("Device A"),
                        SecretHash.of("value_A"), 60000L, GATEWAY_ID, NOW), origin("v1/gateway/claim")),
                new Uplink.ClaimRequest(new ClaimRequestRecord(TENANT, DeviceId.of("Device B"), SecretHash.of(""),
                        null, GATEWAY_ID, NOW), origin("v1/gateway/claim")));
    }

    @Test
    void claim_withABadSecretOrDuration_skipsThatDevice() {
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decide("v1/gateway/claim",
                "{\"A\":{\"secretKey\":5},\"B\":{\"durationMs\":0},\"C\":{\"durationMs\":\"1m\"},\"D\":[],\"E\":{}}");

        assertThat(forward.skipped()).extracting(SkippedEntry::entry).containsExactly("A", "B", "C", "D");
        assertThat(forward.records()).hasSize(1);
    }

    @Test
    void telemetryOfAClaimedDevice_belongsToTheClaimer_whileTheGatewaysOwnDevices_stayItsUsers() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> records = forwarded(decide("v1/gateway/telemetry",
                "{\"Device A\":{\"t\":1},\"Device B\":{\"t\":2}}"));

        assertThat(telemetry(records, 0).key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(telemetry(records, 1).key()).isEqualTo(DeviceKey.of(TENANT, OWN));
    }

    @Test
    void telemetryOfAClaimedDevice_carriesNoTokenHash_whileTheGatewaysOwnDevices_carryTheGatewaysToken() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> records = forwarded(decide("v1/gateway/telemetry",
                "{\"Device A\":{\"t\":1},\"Device B\":{\"t\":2}}"));

        assertThat(telemetry(records, 0).tokenHash()).as("the claimer's device").isEmpty();
        assertThat(telemetry(records, 0).headers()).extracting(Header::name).doesNotContain("tb_token_hash");
        assertThat(telemetry(records, 1).tokenHash()).as("the gateway user's device").contains(TOKEN.hash());
    }

    @Test
    void subdeviceEventsOfAClaimedDevice_keepTheGatewaysTokenHash() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        SubdeviceEventRecord connected = single(decide("v1/gateway/connect", "{\"device\":\"Device A\"}"),
                Uplink.SubdeviceEvent.class).record();

        assertThat(connected.tokenHash()).isEqualTo(TOKEN.hash());
    }

    @Test
    void attributesRequestsRpcAnswersAndClaimsOfAClaimedDevice_belongToTheClaimer() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        List<Uplink> attributes = forwarded(decide("v1/gateway/attributes",
                "{\"Device A\":{\"k\":1},\"Device B\":{\"k\":2}}"));
        AttributeRequestRecord request = single(decide("v1/gateway/attributes/request",
                "{\"id\":1,\"device\":\"Device A\",\"client\":false}"), Uplink.AttributeRequest.class).record();
        RpcResponseRecord answer = single(decide("v1/gateway/rpc", "{\"device\":\"Device A\",\"id\":5}"),
                Uplink.RpcResponse.class).record();
        ClaimRequestRecord claim = single(decide("v1/gateway/claim", "{\"Device A\":{\"secretKey\":\"s\"}}"),
                Uplink.ClaimRequest.class).record();

        assertThat(attributes).extracting(r -> ((Uplink.AttributeUpdate) r).record().key())
                .containsExactly(DeviceKey.of(CLAIMER, CLAIMED), DeviceKey.of(TENANT, OWN));
        assertThat(request.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(request.clientId()).isEqualTo("Gateway 1");
        assertThat(answer.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(claim.key()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
    }

    @Test
    void subdeviceEventOfAClaimedDevice_keepsTheGatewaysSession_andNamesTheOwner() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);

        SubdeviceEventRecord claimed = single(decide("v1/gateway/connect", "{\"device\":\"Device A\"}"),
                Uplink.SubdeviceEvent.class).record();
        SubdeviceEventRecord own = single(decide("v1/gateway/disconnect", "{\"device\":\"Device B\"}"),
                Uplink.SubdeviceEvent.class).record();

        assertThat(claimed.tenant()).isEqualTo(TENANT);
        assertThat(claimed.key()).isEqualTo(TENANT.value() + "/Gateway 1");
        assertThat(claimed.deviceTenant()).isEqualTo(CLAIMER);
        assertThat(claimed.deviceKey()).isEqualTo(DeviceKey.of(CLAIMER, CLAIMED));
        assertThat(own.deviceTenant()).isNull();
        assertThat(own.deviceKey()).isEqualTo(DeviceKey.of(TENANT, OWN));
    }

    @Test
    void aClaimUndone_givesTheGatewaysDataBackToItsUser() {
        claims.claimed(DeviceKey.of(TENANT, CLAIMED), CLAIMER);
        claims.reclaimed(DeviceKey.of(TENANT, CLAIMED));

        TelemetryRecord record = single(decide("v1/gateway/telemetry", "{\"Device A\":{\"t\":1}}"),
                Uplink.Telemetry.class).record();

        assertThat(record.key()).isEqualTo(DeviceKey.of(TENANT, CLAIMED));
    }

    @Test
    void aClientIdThatIsNoDeviceId_cannotActAsGateway() {
        MqttConnection client = new MqttConnection(GATEWAY.identity(), "gw/1", "conn-2");

        Refusal refusal = refused(mapper.decide(publish("v1/gateway/connect", "{\"device\":\"A\"}"), client));

        assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_GATEWAY_ID);
    }

    @Test
    void topicsGatewaysDoNotPublishTo_areNotAllowed() {
        for (String topic : List.of("v1/gateway/attributes/response", "v1/gateway", "v1/gateway/", "v1/gateway/x",
                "v1/gateway/telemetry/extra")) {
            assertThat(refused(decide(topic, "{}")).reason()).as(topic).isEqualTo(RefusalReason.TOPIC_NOT_ALLOWED);
        }
    }

    private GatewayDecision decide(String topic, String payload) {
        return mapper.decide(publish(topic, payload), GATEWAY);
    }

    private static InboundPublish publish(String topic, String payload) {
        return new InboundPublish(topic, 1, false, "Gateway 1", List.of(new Header("trace", "t-1")), utf8(payload));
    }

    private static MqttOrigin origin(String topic) {
        return new MqttOrigin(topic, 1, false, "Gateway 1", List.of(new Header("trace", "t-1")));
    }

    private static List<Uplink> forwarded(GatewayDecision decision) {
        assertThat(decision).isInstanceOf(GatewayDecision.Forward.class);
        GatewayDecision.Forward forward = (GatewayDecision.Forward) decision;
        assertThat(forward.skipped()).isEmpty();
        return forward.records();
    }

    private static <T extends Uplink> T single(GatewayDecision decision, Class<T> type) {
        List<Uplink> records = forwarded(decision);
        assertThat(records).hasSize(1).first().isInstanceOf(type);
        return type.cast(records.get(0));
    }

    private static TelemetryRecord telemetry(List<Uplink> records, int index) {
        return ((Uplink.Telemetry) records.get(index)).record();
    }

    private static Refusal refused(GatewayDecision decision) {
        assertThat(decision).isInstanceOf(GatewayDecision.Refuse.class);
        return ((GatewayDecision.Refuse) decision).refusal();
    }

    private static void assertRefusedAsPayload(GatewayDecision decision, String detail) {
        Refusal refusal = refused(decision);
        assertThat(refusal.reason()).isEqualTo(RefusalReason.INVALID_GATEWAY_PAYLOAD);
        assertThat(refusal.detail()).contains(detail);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
