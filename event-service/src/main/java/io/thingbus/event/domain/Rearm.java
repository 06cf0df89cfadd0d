package io.thingbus.event.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * When a threshold rule that fired may fire again. It re-arms once a value is clear of the condition by at least
 * {@code hysteresis}; and it fires at most once per {@code minInterval} (a crossing within the interval fires when the
 * interval is over, if the condition still holds then).
 */
public record Rearm(BigDecimal hysteresis, Duration minInterval) {

    public static final Rearm NONE = new Rearm(BigDecimal.ZERO, Duration.ZERO);
    /** The longest {@code min_interval_seconds}: 30 days. */
    public static final long MAX_INTERVAL_SECONDS = 2_592_000;

    public Rearm {
        Objects.requireNonNull(hysteresis, "hysteresis");
        Objects.requireNonNull(minInterval, "minInterval");
        hysteresis = RuleNumber.of(hysteresis);
        if (hysteresis.signum() < 0) {
            throw new IllegalArgumentException("hysteresis must not be negative");
        }
        if (minInterval.isNegative() || minInterval.getSeconds() > MAX_INTERVAL_SECONDS) {
            throw new IllegalArgumentException("min interval must be 0 to " + MAX_INTERVAL_SECONDS + " seconds");
        }
    }

    public boolean isNone() {
        return hysteresis.signum() == 0 && minInterval.isZero();
    }
}
