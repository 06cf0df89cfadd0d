package io.thingbus.broker.domain;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ThingScale MQTT topic grammar for device publishes:
 *
 * <pre>
 * &lt;DEVICE_TOKEN&gt;/json/&lt;DEVICE_ID&gt;[/&lt;TAG&gt;]   payload: a JSON object or a bare JSON number
 * &lt;DEVICE_TOKEN&gt;/bin/&lt;DEVICE_ID&gt;[/&lt;TAG&gt;]    payload: raw bytes
 * </pre>
 *
 * The device id follows {@link DeviceId}; a tag is 1–{@value #MAX_TAG_LENGTH} letters, digits, {@code _ - .}. The
 * format level is case-sensitive. Parsing is a pure function: it never throws for any non-null topic. Thread-safe.
 */
public final class ThingScaleTopicParser {

    public static final String JSON_LEVEL = "json";
    public static final String BINARY_LEVEL = "bin";
    public static final int MAX_TAG_LENGTH = 64;

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_TAG_LENGTH + "}");

    /** Reads {@code topic}; never null. */
    public ThingScaleTopic parse(String topic) {
        String[] levels = topic.split("/", -1);
        Optional<PayloadFormat> format = levels.length >= 3 ? formatOf(levels[1]) : Optional.empty();
        if (levels.length > 4 || format.isEmpty()) {
            return new ThingScaleTopic.Other(levels[0]);
        }
        return telemetry(levels, format.get());
    }

    private static ThingScaleTopic telemetry(String[] levels, PayloadFormat format) {
        if (!DeviceId.isValid(levels[2])) {
            return new ThingScaleTopic.InvalidTelemetry(levels[0], "invalid device id: 1-" + DeviceId.MAX_LENGTH
                    + " characters, no control characters, no leading or trailing blanks");
        }
        Optional<String> tag = levels.length == 4 ? Optional.of(levels[3]) : Optional.empty();
        if (tag.isPresent() && !TAG.matcher(tag.get()).matches()) {
            return new ThingScaleTopic.InvalidTelemetry(levels[0],
                    "invalid tag: 1-" + MAX_TAG_LENGTH + " letters, digits, '_', '-' or '.'");
        }
        return new ThingScaleTopic.Telemetry(levels[0], format, DeviceId.of(levels[2]), tag);
    }

    private static Optional<PayloadFormat> formatOf(String level) {
        return switch (level) {
            case JSON_LEVEL -> Optional.of(PayloadFormat.JSON);
            case BINARY_LEVEL -> Optional.of(PayloadFormat.BINARY);
            default -> Optional.empty();
        };
    }
}
