package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the serialised form of the record types of the ThingsBoard gateway API. */
class GatewayRecordsSerializationTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final DeviceId DEVICE = DeviceId.of("Device A");
    private static final DeviceId GATEWAY = DeviceId.of("gw-1");

    @Test
    void attributeUpdate_serialisationIsStable() throws Exception {
        ObjectNode values = (ObjectNode) new ObjectMapper().readTree("{\"fw\":\"1.2\",\"on\":true}");
        var record = new AttributeUpdateRecord(TENANT, DEVICE, "client", values, GATEWAY, AT);

        assertStable(AttributeUpdateRecord.CODEC, record, "{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\","
                + "\"scope\":\"client\",\"values\":{\"fw\":\"1.2\",\"on\":true},\"gateway_id\":\"gw-1\","
                + "\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(AttributeUpdateRecord.TYPE).isEqualTo("io.thingbus.attribute-update.v1");
    }

    @Test
    void attributeRequest_serialisationIsStable() {
        var record = new AttributeRequestRecord(TENANT, DEVICE, "shared", List.of("fw"), "7", GATEWAY, "gw-1",
                "v1/gateway/attributes/response", AT);

        assertStable(AttributeRequestRecord.CODEC, record, "{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\","
                + "\"scope\":\"shared\",\"keys\":[\"fw\"],\"request_id\":\"7\",\"gateway_id\":\"gw-1\","
                + "\"client_id\":\"gw-1\",\"reply_topic\":\"v1/gateway/attributes/response\","
                + "\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(AttributeRequestRecord.TYPE).isEqualTo("io.thingbus.attribute-request.v1");
    }

    @Test
    void rpcResponse_serialisationIsStable() throws Exception {
        var record = new RpcResponseRecord(TENANT, DEVICE, "42", new ObjectMapper().readTree("{\"ok\":1}"), GATEWAY, AT);

        assertStable(RpcResponseRecord.CODEC, record, "{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\","
                + "\"rpc_id\":\"42\",\"data\":{\"ok\":1},\"gateway_id\":\"gw-1\",\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(RpcResponseRecord.TYPE).isEqualTo("io.thingbus.rpc-response.v1");
    }

    @Test
    void claimRequest_serialisationIsStable() {
        var record = new ClaimRequestRecord(TENANT, DEVICE, SecretHash.parse(HASH), 60000L, GATEWAY, AT);

        assertStable(ClaimRequestRecord.CODEC, record, "{\"tenant\":\"U1a2b3c4d\",\"device_id\":\"Device A\","
                + "\"secret_hash\":\"" + HASH + "\",\"duration_ms\":60000,\"gateway_id\":\"gw-1\","
                + "\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(ClaimRequestRecord.TYPE).isEqualTo("io.thingbus.claim-request.v1");
    }

    @Test
    void subdeviceEvent_serialisationIsStable() {
        var record = new SubdeviceEventRecord("connected", TENANT, DEVICE, "thermometer", GATEWAY, "gw-1", "c-1",
                "broker-0", SecretHash.parse(HASH), AT);

        assertStable(SubdeviceEventRecord.CODEC, record, "{\"event\":\"connected\",\"tenant\":\"U1a2b3c4d\","
                + "\"device_id\":\"Device A\",\"device_type\":\"thermometer\",\"gateway_id\":\"gw-1\","
                + "\"client_id\":\"gw-1\",\"connection_id\":\"c-1\",\"broker\":\"broker-0\",\"token_hash\":\"" + HASH
                + "\",\"at\":\"2026-11-21T10:00:00Z\"}");
        assertThat(record.key()).isEqualTo("U1a2b3c4d/gw-1");
        assertThat(SubdeviceEventRecord.TYPE).isEqualTo("io.thingbus.subdevice-event.v1");
    }

    @Test
    void subdeviceEventOfAClaimedDevice_serialisationIsStable() {
        var record = new SubdeviceEventRecord("disconnected", TENANT, DEVICE, null, GATEWAY, "gw-1", "c-1",
                "broker-0", null, AT, TenantId.of("U9z8y7x6w"));

        assertStable(SubdeviceEventRecord.CODEC, record, "{\"event\":\"disconnected\",\"tenant\":\"U1a2b3c4d\","
                + "\"device_id\":\"Device A\",\"gateway_id\":\"gw-1\",\"client_id\":\"gw-1\","
                + "\"connection_id\":\"c-1\",\"broker\":\"broker-0\",\"at\":\"2026-11-21T10:00:00Z\","
                + "\"device_tenant\":\"U9z8y7x6w\"}");
        assertThat(record.key()).isEqualTo("U1a2b3c4d/gw-1");
        assertThat(record.deviceKey().asString()).isEqualTo("U9z8y7x6w/Device A");
        assertThat(record.carriedForAnotherUser()).isTrue();
    }

    @Test
    void subdeviceEvent_ofTheGatewaysOwnUser_hasNoDeviceTenant() {
        var record = new SubdeviceEventRecord("connected", TENANT, DEVICE, null, GATEWAY, "gw-1", "c-1",
                "broker-0", null, AT, TENANT);

        assertThat(record.deviceTenant()).isNull();
        assertThat(record.deviceKey().asString()).isEqualTo("U1a2b3c4d/Device A");
        assertThat(record.carriedForAnotherUser()).isFalse();
    }

    @Test
    void attributeUpdate_withUnknownScope_isMalformed() {
        String json = "{\"tenant\":\"U1\",\"device_id\":\"d\",\"scope\":\"server\",\"values\":{},\"at\":\"2026-11-21T10:00:00Z\"}";

        assertThatThrownBy(() -> AttributeUpdateRecord.CODEC.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static <T> void assertStable(JsonRecordCodec<T> codec, T record, String expectedJson) {
        String json = new String(codec.encode(record), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(expectedJson);
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
    }
}
