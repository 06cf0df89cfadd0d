package io.thingbus.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import io.thingbus.contracts.Topics;
import io.thingbus.device.domain.AttributeScope;
import io.thingbus.device.domain.Claiming;
import io.thingbus.kafka.KafkaHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeviceRequestRecordsTest {

    private static final TenantId TENANT = TenantId.of("U1a2b3c4d");
    private static final Instant AT = Instant.parse("2026-11-21T10:00:00Z");
    private static final AttributeRequestRecord REQUEST = new AttributeRequestRecord(TENANT, DeviceId.of("Device A"),
            "shared", List.of("fw"), "7", DeviceId.of("gw-1"), "gw-1", "v1/gateway/attributes/response", AT);

    @Test
    void attributeRequest_mapsToTheDomainWithItsScopeKeysAndId() {
        var request = DeviceRequestRecords.toDomain(
                DeviceRequestRecords.attributeRequest(AttributeRequestRecord.CODEC.encode(REQUEST)));

        assertThat(request.device()).isEqualTo(DeviceKey.of(TENANT, DeviceId.of("Device A")));
        assertThat(request.scope()).isEqualTo(AttributeScope.SHARED);
        assertThat(request.keys()).containsExactly("fw");
        assertThat(request.requestId()).isEqualTo("7");
    }

    @Test
    void aReplyTopicWithATokenPlaceholderOrWildcard_isMalformed() {
        for (String topic : List.of("{token}/x", "", "v1/+/x", "v1/#")) {
            AttributeRequestRecord bad = new AttributeRequestRecord(TENANT, DeviceId.of("Device A"), "client",
                    List.of(), "7", null, "gw-1", topic, AT);
            assertThatThrownBy(() -> DeviceRequestRecords.attributeRequest(AttributeRequestRecord.CODEC.encode(bad)))
                    .isInstanceOf(MalformedRecordException.class);
        }
    }

    @Test
    void answer_goesToTheAskingClientOnItsReplyTopicWithQos1AndNoToken() {
        byte[] payload = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);

        DownlinkRecord answer = DeviceRequestRecords.answer(REQUEST, payload, "request-ce-id", AT);

        assertThat(answer.clientId()).contains("gw-1");
        assertThat(answer.topic()).isEqualTo("v1/gateway/attributes/response");
        assertThat(answer.qos()).isEqualTo(1);
        assertThat(answer.tokenHash()).isEmpty();
        assertThat(answer.key()).isEqualTo(DeviceKey.of(TENANT, DeviceId.of("Device A")));
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.payload()).isEqualTo(payload);
    }

    @Test
    void answerSentAgain_hasTheSameIdAndOtherRequestsAnother() {
        String first = DeviceRequestRecords.answer(REQUEST, new byte[0], "request-1", AT).id();

        assertThat(DeviceRequestRecords.answer(REQUEST, new byte[0], "request-1", AT.plusSeconds(1)).id())
                .isEqualTo(first);
        assertThat(DeviceRequestRecords.answer(REQUEST, new byte[0], "request-2", AT).id()).isNotEqualTo(first);
    }

    @Test
    void answerOnKafka_isKeyedByDeviceAndReadsBackAsTheSameDownlinkRecord() {
        DownlinkRecord answer = DeviceRequestRecords.answer(REQUEST, "{}".getBytes(StandardCharsets.UTF_8), "r", AT);

        ProducerRecord<String, byte[]> record = KafkaDownlinkSender.toProducerRecord(answer);

        assertThat(record.topic()).isEqualTo(Topics.DOWNLINK);
        assertThat(record.key()).isEqualTo("U1a2b3c4d/Device A");
        List<Header> headers = KafkaHeaders.toContract(record.headers());
        assertThat(DownlinkRecord.fromHeaders(headers, record.value())).isEqualTo(answer);
    }

    @Test
    void claimRequest_keepsItsDurationOrLeavesItToTheDefault() {
        ClaimRequestRecord withDuration = new ClaimRequestRecord(TENANT, DeviceId.of("Device A"),
                SecretHash.of("s"), 60_000L, DeviceId.of("gw-1"), AT);
        ClaimRequestRecord without = new ClaimRequestRecord(TENANT, DeviceId.of("Device A"), SecretHash.of(""), null,
                null, AT);

        assertThat(DeviceRequestRecords.claimRequest(ClaimRequestRecord.CODEC.encode(withDuration)))
                .isEqualTo(new Claiming.ClaimRequest(DeviceKey.of(TENANT, DeviceId.of("Device A")), SecretHash.of("s"),
                        Optional.of(Duration.ofMinutes(1)), AT));
        assertThat(DeviceRequestRecords.claimRequest(ClaimRequestRecord.CODEC.encode(without)).duration()).isEmpty();
    }
}
