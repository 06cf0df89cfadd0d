package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnownDevicesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void rememberedDevice_isKnownUntilItsTimeToLivePasses() {
        KnownDevices known = new KnownDevices(10, Duration.ofMinutes(10), clock);
        known.remember(key("d1"));

        clock.advance(Duration.ofMinutes(10));
        assertThat(known.contains(key("d1"))).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(known.contains(key("d1"))).isFalse();
        assertThat(known.size()).isZero();
    }

    @Test
    void beyondMaximumSize_theLeastRecentlySeenDeviceIsForgotten() {
        KnownDevices known = new KnownDevices(2, Duration.ofMinutes(10), clock);
        known.remember(key("d1"));
        known.remember(key("d2"));
        known.contains(key("d1"));

        known.remember(key("d3"));

        assertThat(known.contains(key("d1"))).isTrue();
        assertThat(known.contains(key("d2"))).isFalse();
        assertThat(known.contains(key("d3"))).isTrue();
    }

    @Test
    void forgottenDevice_isUnknown() {
        KnownDevices known = new KnownDevices(2, Duration.ofMinutes(10), clock);
        known.remember(key("d1"));

        known.forget(key("d1"));

        assertThat(known.contains(key("d1"))).isFalse();
    }

    private static DeviceKey key(String device) {
        return DeviceKey.of(TenantId.of("Utenant0001"), DeviceId.of(device));
    }
}
