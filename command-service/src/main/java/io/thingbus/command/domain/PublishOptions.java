package io.thingbus.command.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a message is delivered: its QoS (0 or 1) and, optionally, how long an undelivered message is kept.
 *
 * @param qos 0 (at most once) or 1 (at least once)
 * @param expiry how long after it was accepted the broker may still deliver the message; empty = the broker's
 *     default
 */
public record PublishOptions(int qos, Optional<Duration> expiry) {

    /** QoS when the request names none: at least once, so an offline durable session still receives it. */
    public static final int DEFAULT_QOS = 1;
    /** The longest expiry: MQTT 5's message expiry interval is a four-byte number of seconds. */
    public static final long MAX_EXPIRY_SECONDS = 4_294_967_295L;

    /**
     * @throws UnsupportedQosException for qos 2
     * @throws InvalidPublishException for any other qos than 0 or 1, or an expiry outside 1 s to
     *     {@value #MAX_EXPIRY_SECONDS} s
     */
    public PublishOptions {
        Objects.requireNonNull(expiry, "expiry");
        if (qos == 2) {
            throw new UnsupportedQosException();
        }
        if (qos != 0 && qos != 1) {
            throw new InvalidPublishException("qos", "qos must be 0 or 1");
        }
        expiry.ifPresent(PublishOptions::checkExpiry);
    }

    /**
     * Reads the query parameters {@code qos} and {@code expiry} (seconds); null or empty means "not given".
     *
     * @throws UnsupportedQosException for {@code qos=2}
     * @throws InvalidPublishException for anything else that is not {@code 0}/{@code 1}, or an expiry that is not a
     *     whole number of seconds from 1 to {@value #MAX_EXPIRY_SECONDS}
     */
    public static PublishOptions parse(String qos, String expirySeconds) {
        return new PublishOptions(parseQos(qos), parseExpiry(expirySeconds));
    }

    private static int parseQos(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_QOS;
        }
        return switch (value) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> throw new InvalidPublishException("qos", "qos must be 0 or 1");
        };
    }

    private static Optional<Duration> parseExpiry(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,10}")) {
            throw expiryProblem();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }

    private static void checkExpiry(Duration expiry) {
        if (expiry.isNegative() || expiry.isZero() || expiry.getNano() != 0
                || expiry.getSeconds() > MAX_EXPIRY_SECONDS) {
            throw expiryProblem();
        }
    }

    private static InvalidPublishException expiryProblem() {
        return new InvalidPublishException("expiry",
                "expiry must be a whole number of seconds from 1 to " + MAX_EXPIRY_SECONDS);
    }
}
