package io.thingbus.command.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.thingbus.command.domain.PublishReceipt;

/**
 * The answer to {@code POST /publish/{device_id}} (202): the message is on its way.
 *
 * @param subscribed whether a live session received the device's downlink topic when the message was accepted
 * @param subscribers how many live sessions did
 */
public record PublishResponse(
        @JsonProperty("id") String id,
        @JsonProperty("device_id") String deviceId,
        @JsonProperty("qos") int qos,
        @JsonProperty("subscribed") boolean subscribed,
        @JsonProperty("subscribers") int subscribers) {

    static PublishResponse of(PublishReceipt receipt) {
        return new PublishResponse(receipt.id(), receipt.device().value(), receipt.qos(), receipt.subscribed(),
                receipt.subscribers());
    }
}
