package io.thingbus.device.messaging;

import io.thingbus.contracts.AttributeRequestRecord;
import io.thingbus.contracts.ClaimRequestRecord;
import io.thingbus.contracts.DownlinkRecord;
import io.thingbus.contracts.MalformedRecordException;
import io.thingbus.device.domain.AttributeRequest;
import io.thingbus.device.domain.AttributeScope;
import io.thingbus.device.domain.Claiming;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps the records of {@code thingbus.device-requests.v1} that the registry handles (attribute requests, claim
 * requests) to the domain, and an attribute answer to the downlink record that carries it. Pure.
 */
final class DeviceRequestRecords {

    /** QoS of answers: at least once, so a gateway whose session is durable gets it after a reconnect. */
    static final int ANSWER_QOS = 1;

    private DeviceRequestRecords() {
    }

    /** @throws MalformedRecordException when the value does not follow the schema */
    static AttributeRequestRecord attributeRequest(byte[] value) {
        AttributeRequestRecord request = AttributeRequestRecord.CODEC.decode(value);
        if (request.replyTopic().isEmpty() || request.replyTopic().startsWith(DownlinkRecord.TOKEN_PLACEHOLDER)
                || request.replyTopic().contains("+") || request.replyTopic().contains("#")) {
            throw new MalformedRecordException("reply_topic must be an MQTT topic name without a token placeholder");
        }
        return request;
    }

    static AttributeRequest toDomain(AttributeRequestRecord request) {
        return new AttributeRequest(request.key(), AttributeScope.fromWireName(request.scope()), request.keys(),
                request.requestId());
    }

    /** @throws MalformedRecordException when the value does not follow the schema */
    static Claiming.ClaimRequest claimRequest(byte[] value) {
        ClaimRequestRecord claim = ClaimRequestRecord.CODEC.decode(value);
        return new Claiming.ClaimRequest(claim.key(), claim.secretHash(),
                Optional.ofNullable(claim.durationMs()).map(Duration::ofMillis), claim.at());
    }

    /**
     * The downlink record that answers {@code request} with {@code payload}: to the MQTT client that asked, on its
     * reply topic, QoS 1, JSON.
     *
     * @param requestId what identifies the request record ({@code ce_id}, or its topic, partition and offset); the
     *     answer's id is derived from it, so an answer sent again after a failure has the same {@code ce_id}
     */
    static DownlinkRecord answer(AttributeRequestRecord request, byte[] payload, String requestId, Instant now) {
        return new DownlinkRecord(answerId(requestId), now, KafkaOutboxPublisher.SOURCE, request.tenant(),
                request.deviceId(), request.replyTopic(), Optional.empty(), ANSWER_QOS, Optional.empty(),
                KafkaOutboxPublisher.JSON, payload, Optional.of(request.clientId()));
    }

    static String answerId(String requestId) {
        return UUID.nameUUIDFromBytes(("io.thingbus.attribute-response:" + requestId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
