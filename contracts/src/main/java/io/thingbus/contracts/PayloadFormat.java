package io.thingbus.contracts;

import java.util.Arrays;

/** What a telemetry payload is, carried as the record's {@code content-type} header. */
public enum PayloadFormat {
    /** A JSON object or a bare JSON number (ThingScale's {@code json} topics). */
    JSON("application/json"),
    /** Raw bytes stored as they are (ThingScale's {@code bin} topics); often MessagePack. */
    BINARY("application/octet-stream");

    private final String contentType;

    PayloadFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static PayloadFormat fromContentType(String contentType) {
        return Arrays.stream(values())
                .filter(f -> f.contentType.equals(contentType))
                .findFirst()
                .orElseThrow(() -> new MalformedRecordException("unknown content-type: " + contentType));
    }
}
