package io.thingbus.device.domain;

import io.thingbus.contracts.DeviceKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The devices this instance knows to be registered, so that steady-state telemetry costs no database round trip.
 * Bounded: beyond {@code maxSize} the least recently seen device is forgotten; an entry also expires after
 * {@code timeToLive}, which bounds how long a device deleted through another instance stays "known" here. Forgetting
 * is always safe: registration is idempotent. Thread-safe.
 */
public final class KnownDevices {

    private final int maxSize;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<DeviceKey, Instant> rememberedAt;

    public KnownDevices(int maxSize, Duration timeToLive, Clock clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1");
        }
        this.maxSize = maxSize;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.rememberedAt = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<DeviceKey, Instant> eldest) {
                return size() > KnownDevices.this.maxSize;
            }
        };
    }

    public synchronized boolean contains(DeviceKey key) {
        Instant at = rememberedAt.get(key);
        if (at == null) {
            return false;
        }
        if (at.plus(timeToLive).isBefore(clock.instant())) {
            rememberedAt.remove(key);
            return false;
        }
        return true;
    }

    public synchronized void remember(DeviceKey key) {
        rememberedAt.put(key, clock.instant());
    }

    public synchronized void forget(DeviceKey key) {
        rememberedAt.remove(key);
    }

    public synchronized int size() {
        return rememberedAt.size();
    }
}
