package io.thingbus.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingbus.broker.config.BrokerInstance;
import io.thingbus.broker.config.KafkaForwardingConfig;
import io.thingbus.broker.domain.Uplink;
import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.AttributeUpdateRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MqttOrigin;
import io.thingbus.contracts.PayloadFormat;
import io.thingbus.contracts.RpcResponseRecord;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.SubdeviceEventRecord;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.kafka.KafkaClientSettings;
import io.thingbus.kafka.KafkaHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaUplinkPublisherTest {

    private static final Instant AT = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final TenantId TENANT = TenantId.of("Uab12cd34ef");
    private static final DeviceId DEVICE = DeviceId.of("Device A");
    private static final DeviceId GATEWAY = DeviceId.of("gw-1");
    private static final SecretHash TOKEN_HASH = SecretHash.of("MyToken42");
    private static final MqttOrigin ORIGIN =
            new MqttOrigin("v1/gateway/attributes", 1, false, "gw-1", List.of(new Header("trace", "t-1")));

    @Test
    void telemetryRecord_isKeyedByDevice_withPayloadUnchanged_andHeadersThatReadBack() {
        TelemetryRecord record = new TelemetryRecord("id-1", AT, "//src", TENANT, DeviceId.of("dev-1"),
                Optional.of("room"), PayloadFormat.JSON,
                Optional.of(new MqttOrigin("t/json/dev-1/room", 1, false, "c1", List.of(new Header("k", "v")))),
                utf8("{\"temp\":20}"), Optional.of(TOKEN_HASH));

        ProducerRecord<String, byte[]> kafka = UplinkRecords.of(record);

        assertThat(kafka.topic()).isEqualTo(Topics.TELEMETRY);
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/dev-1");
        assertThat(kafka.value()).isEqualTo(record.payload());
        assertThat(kafka.timestamp()).isEqualTo(record.time().toEpochMilli());
        assertThat(TelemetryRecord.fromHeaders(contractHeaders(kafka), kafka.value())).isEqualTo(record);
    }

    @Test
    void gatewayTelemetryPoint_carriesItsOwnTimeInCeTime_butIsStampedWhenTheEdgeAcceptedIt() {
        Instant pointTime = Instant.parse("2017-01-01T00:00:00Z");
        TelemetryRecord record = new TelemetryRecord("id-2", pointTime, "//src", TENANT, DEVICE, Optional.empty(),
                PayloadFormat.JSON, Optional.of(ORIGIN), utf8("{\"t\":1}"), Optional.of(TOKEN_HASH));

        ProducerRecord<String, byte[]> kafka = UplinkRecords.of(new Uplink.Telemetry(record, AT), "ignored", "//src");

        assertThat(kafka.timestamp()).isEqualTo(AT.toEpochMilli());
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/Device A");
        assertThat(TelemetryRecord.fromHeaders(contractHeaders(kafka), kafka.value()).time()).isEqualTo(pointTime);
    }

    @Test
    void subdeviceEvent_goesToTheLifecycleTopic_keyedByTheGatewaysClient_withCloudEventsHeaders() {
        SubdeviceEventRecord event = new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, TENANT, DEVICE,
                "thermostat", GATEWAY, "gw-1", "c-1", "edge-1", TOKEN_HASH, AT);

        ProducerRecord<String, byte[]> kafka =
                UplinkRecords.of(new Uplink.SubdeviceEvent(event, ORIGIN), "ce-1", "//thingbus/broker-service/edge-1");

        assertThat(kafka.topic()).isEqualTo(Topics.LIFECYCLE);
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/gw-1");
        assertThat(kafka.timestamp()).isEqualTo(AT.toEpochMilli());
        assertThat(SubdeviceEventRecord.CODEC.decode(kafka.value())).isEqualTo(event);
        assertThat(headers(kafka)).containsExactlyEntriesOf(expectedHeaders(SubdeviceEventRecord.TYPE));
    }

    @Test
    void reannouncedSubdeviceEvent_goesToTheGatewaysLifecycleKey_withCloudEventsHeaders_butNoMqttHeaders() {
        SubdeviceEventRecord event = new SubdeviceEventRecord(SubdeviceEventRecord.CONNECTED, TENANT, DEVICE,
                "thermostat", GATEWAY, "gw-1", "c-1", "edge-1", TOKEN_HASH, AT, TenantId.of("Uclaimer01"));

        ProducerRecord<String, byte[]> kafka = UplinkRecords.of(Uplink.SubdeviceEvent.reannounced(event), "ce-1",
                "//thingbus/broker-service/edge-1");

        assertThat(kafka.topic()).isEqualTo(Topics.LIFECYCLE);
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/gw-1");
        assertThat(SubdeviceEventRecord.CODEC.decode(kafka.value())).isEqualTo(event);
        Map<String, String> expected = expectedHeaders(SubdeviceEventRecord.TYPE);
        expected.keySet().removeIf(name -> name.startsWith("mqtt_"));
        assertThat(headers(kafka)).containsExactlyEntriesOf(expected);
    }

    @Test
    void attributeUpdate_goesToTheAttributesTopic_keyedByTheDevice() {
        ObjectNode values = JsonNodeFactory.instance.objectNode().put("firmware", "1.2");
        AttributeUpdateRecord update = new AttributeUpdateRecord(TENANT, DEVICE, AttributeUpdateRecord.CLIENT, values,
                GATEWAY, AT);

        ProducerRecord<String, byte[]> kafka =
                UplinkRecords.of(new Uplink.AttributeUpdate(update, ORIGIN), "ce-1", "//thingbus/broker-service/edge-1");

        assertThat(kafka.topic()).isEqualTo(Topics.ATTRIBUTES);
        assertThat(kafka.key()).isEqualTo("Uab12cd34ef/Device A");
        assertThat(AttributeUpdateRecord.CODEC.decode(kafka.value())).isEqualTo(update);
        assertThat(headers(kafka)).containsExactlyEntriesOf(expectedHeaders(AttributeUpdateRecord.TYPE));
    }

    @Test
    void requestsRpcResponsesAndClaims_goToTheDeviceRequestsTopic_distinguishedByCeType() {
        AttributeRequestRecord request = new AttributeRequestRecord(TENANT, DEVICE, "shared", List.of("k"), "7",
                GATEWAY, "gw-1", "v1/gateway/attributes/response", AT);
        RpcResponseRecord response = new RpcResponseRecord(TENANT, DEVICE, "5",
                JsonNodeFactory.instance.objectNode().put("success", true), GATEWAY, AT);
        ClaimRequestRecord claim = new ClaimRequestRecord(TENANT, DEVICE, SecretHash.of(""), null, GATEWAY, AT);

        List<ProducerRecord<String, byte[]>> kafka = List.of(
                UplinkRecords.of(new Uplink.AttributeRequest(request, ORIGIN), "1", "//src"),
                UplinkRecords.of(new Uplink.RpcResponse(response, ORIGIN), "2", "//src"),
                UplinkRecords.of(new Uplink.ClaimRequest(claim, ORIGIN), "3", "//src"));

        assertThat(kafka).extracting(ProducerRecord::topic).containsOnly(Topics.DEVICE_REQUESTS);
        assertThat(kafka).extracting(ProducerRecord::key).containsOnly("Uab12cd34ef/Device A");
        assertThat(kafka).extracting(r -> headers(r).get("ce_type"))
                .containsExactly(AttributeRequestRecord.TYPE, RpcResponseRecord.TYPE, ClaimRequestRecord.TYPE);
        assertThat(AttributeRequestRecord.CODEC.decode(kafka.get(0).value())).isEqualTo(request);
        assertThat(RpcResponseRecord.CODEC.decode(kafka.get(1).value())).isEqualTo(response);
        assertThat(ClaimRequestRecord.CODEC.decode(kafka.get(2).value())).isEqualTo(claim);
    }

    @Test
    void producer_isIdempotent_acksAll_andUsesTheConfiguredTimeouts() {
        Map<String, Object> settings = KafkaUplinkPublisher.producerSettings(
                KafkaClientSettings.of(Map.of("bootstrap.servers", "k:9092", "group.id", "broker-service")),
                config(Duration.ofSeconds(3), Duration.ofMillis(5)), new BrokerInstance("edge-1"));

        assertThat(settings).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2995)
                .containsEntry("bootstrap.servers", "k:9092")
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "thingbus-broker-telemetry-edge-1")
                .doesNotContainKey("group.id");
    }

    @Test
    void longDeliveryTimeout_keepsRequestTimeoutAt30Seconds() {
        Map<String, Object> settings = KafkaUplinkPublisher.producerSettings(KafkaClientSettings.of(Map.of()),
                config(Duration.ofMinutes(2), Duration.ofMillis(5)), new BrokerInstance("edge-1"));

        assertThat(settings).containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000);
    }

    @Test
    void deliveryTimeoutShorterThanLingerPlusOneSecond_stopsStartUp() {
        assertThatThrownBy(() -> KafkaUplinkPublisher.producerSettings(KafkaClientSettings.of(Map.of()),
                config(Duration.ofSeconds(1), Duration.ofMillis(5)), new BrokerInstance("edge-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thingbus.broker.kafka.delivery-timeout");
    }

    private static Map<String, String> expectedHeaders(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "ce-1");
        headers.put("ce_type", type);
        headers.put("ce_source", "//thingbus/broker-service/edge-1");
        headers.put("ce_time", "2026-11-21T10:15:30.123Z");
        headers.put("ce_subject", "Device A");
        headers.put("content-type", "application/json");
        headers.put("tb_tenant", "Uab12cd34ef");
        headers.put("tb_device", "Device A");
        headers.put("mqtt_topic", "v1/gateway/attributes");
        headers.put("mqtt_qos", "1");
        headers.put("mqtt_retain", "false");
        headers.put("mqtt_client_id", "gw-1");
        headers.put("mqtt_up_trace", "t-1");
        return headers;
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    private static List<Header> contractHeaders(ProducerRecord<String, byte[]> record) {
        return KafkaHeaders.toContract(record.headers());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KafkaForwardingConfig config(Duration delivery, Duration linger) {
        return new KafkaForwardingConfig() {
            @Override
            public Duration deliveryTimeout() {
                return delivery;
            }

            @Override
            public Duration linger() {
                return linger;
            }

            @Override
            public int maxPending() {
                return 10;
            }
        };
    }
}
