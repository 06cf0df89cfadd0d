package io.thingbus.stream.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.ChannelName;
import io.thingbus.stream.domain.InvalidPointException;
import io.thingbus.stream.domain.JsonCodec;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST} and {@code PUT /channel/{channel_id}}: a JSON object with {@code device_id} (a string) and
 * {@code name} (a string, or null for none), nothing else. Invalid bodies are refused with a 400 problem naming the
 * offending part ({@code body.device_id}). Pure.
 *
 * @param device the device the channel is associated with
 * @param name the channel's name
 */
record ChannelBody(Optional<DeviceId> device, Optional<ChannelName> name) {

    private static final String DEVICE_ID = "device_id";
    private static final String NAME = "name";
    private static final Set<String> FIELDS = Set.of(DEVICE_ID, NAME);

    /** An empty body (or none) is no change at all. */
    static ChannelBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ChannelBody(Optional.empty(), Optional.empty());
        }
        JsonNode json = read(body);
        if (!json.isObject()) {
            throw invalid("body", "a JSON object with device_id and name");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                throw invalid("body." + field, "unknown field; a channel has device_id and name");
            }
        }
        return new ChannelBody(device(json.get(DEVICE_ID)), name(json.get(NAME)));
    }

    /** The device, which a new channel must name. */
    DeviceId requireDevice() {
        return device.orElseThrow(() -> invalid("body." + DEVICE_ID, "required: the device the channel belongs to"));
    }

    private static JsonNode read(String body) {
        try {
            return JsonCodec.read(body);
        } catch (InvalidPointException e) {
            throw invalid("body", e.getMessage());
        }
    }

    private static Optional<DeviceId> device(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || !DeviceId.isValid(value.textValue())) {
            throw invalid("body." + DEVICE_ID, "a device id: 1-128 characters, no '/', '+', '#' or control "
                    + "characters, no leading or trailing blank");
        }
        return Optional.of(DeviceId.of(value.textValue()));
    }

    private static Optional<ChannelName> name(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid("body." + NAME, "a string");
        }
        try {
            return Optional.of(new ChannelName(value.textValue()));
        } catch (IllegalArgumentException e) {
            throw invalid("body." + NAME, e.getMessage());
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.invalidField(field, message));
    }
}
