package io.thingbus.broker.domain;

import static io.thingbus.broker.domain.GatewayPublishes.GATEWAY;
import static io.thingbus.broker.domain.GatewayPublishes.GATEWAY_ID;
import static io.thingbus.broker.domain.GatewayPublishes.NOW;
import static io.thingbus.broker.domain.GatewayPublishes.TENANT;
import static io.thingbus.broker.domain.GatewayPublishes.TOKEN;
import static io.thingbus.broker.domain.GatewayPublishes.forwarded;
import static io.thingbus.broker.domain.GatewayPublishes.origin;
import static io.thingbus.broker.domain.GatewayPublishes.publish;
import static io.thingbus.broker.domain.GatewayPublishes.refused;
import static io.thingbus.broker.domain.GatewayPublishes.single;
import static io.thingbus.broker.domain.GatewayPublishes.telemetry;
import static io.thingbus.broker.domain.GatewayPublishes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each gateway topic becomes, and what is refused; claimed sub-devices: {@link ClaimedSubdevicePublishTest}. */
class GatewayPublishMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayPublishMapper mapper = GatewayPublishes.mapper(new ClaimedDevices());

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
}
