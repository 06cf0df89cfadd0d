package io.thingbus.stream.api;

import io.thingbus.contracts.ChannelId;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.ChannelNotFoundException;
import io.thingbus.stream.domain.Tag;
import java.util.Optional;

/** Path parameters and headers that both the Stream and the Channel API read, as domain values. Pure. */
final class RequestValues {

    private RequestValues() {
    }

    /** A channel id to look up: one that is not even valid names no channel (404). */
    static ChannelId existingChannel(String channelId) {
        if (!ChannelId.isValid(channelId)) {
            throw new ChannelNotFoundException();
        }
        return ChannelId.of(channelId);
    }

    /** The tag of {@link StreamHeaders#TAG_NAME}, none when the header is absent or empty; invalid: 400. */
    static Optional<Tag> tag(String tagName) {
        try {
            return Tag.optional(tagName);
        } catch (IllegalArgumentException e) {
            throw invalid(StreamHeaders.TAG_NAME, e.getMessage());
        }
    }

    /** A 400 problem naming the invalid field. */
    static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }
}
