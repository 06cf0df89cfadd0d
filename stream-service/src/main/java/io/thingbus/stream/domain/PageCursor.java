package io.thingbus.stream.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a listing stopped: the time and record id of the last point returned. The next page holds the points strictly
 * after it in (time, record id) order, so a listing continued page by page returns every point exactly once even
 * when many points share one time. Travels as an opaque string ({@value #PREFIX} and base64url).
 */
public record PageCursor(Instant time, String recordId) {

    public static final String PREFIX = "cursor:";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final long MICROS_PER_SECOND = 1_000_000L;

    public PageCursor {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(recordId, "recordId");
    }

    /** Whether the text is meant as a cursor (it may still be a broken one). */
    public static boolean looksLikeCursor(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** The opaque form, safe in an HTTP header. */
    public String encode() {
        long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), MICROS_PER_SECOND), time.getNano() / 1000L);
        String plain = micros + ":" + recordId;
        return PREFIX + ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()}; throws {@link IllegalArgumentException} for anything else. */
    public static PageCursor decode(String text) {
        if (!looksLikeCursor(text)) {
            throw new IllegalArgumentException("not a cursor");
        }
        String plain = new String(DECODER.decode(text.substring(PREFIX.length())), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        if (colon <= 0 || colon == plain.length() - 1) {
            throw new IllegalArgumentException("not a cursor");
        }
        long micros = Long.parseLong(plain.substring(0, colon));
        Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1000L);
        return new PageCursor(time, plain.substring(colon + 1));
    }
}
