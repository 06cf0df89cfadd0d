package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " dev", "dev ", "a/b", "a+b", "a#b", "a\u0000b", "a\nb"})
    void deviceId_rejectsWhatCannotTravelInATopic(String value) {
        assertThat(DeviceId.isValid(value)).isFalse();
        assertThatThrownBy(() -> DeviceId.of(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-1", "Device A", "温度計", "x"})
    void deviceId_acceptsNamesDevicesUse(String value) {
        assertThat(DeviceId.of(value).value()).isEqualTo(value);
    }

    @Test
    void deviceId_rejectsMoreThan128Characters() {
        assertThat(DeviceId.isValid("d".repeat(128))).isTrue();
        assertThat(DeviceId.isValid("d".repeat(129))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U", "1abc", "U/1", "U 1"})
    void tenantId_rejectsInvalidIds(String value) {
        assertThat(TenantId.isValid(value)).isFalse();
    }

    @Test
    void defaultChannel_isStableForTheSameDevice() {
        ChannelId channel = ChannelId.defaultFor(TenantId.of("U1a2b3c4d"), DeviceId.of("dev-1"));

        assertThat(channel).isEqualTo(ChannelId.defaultFor(TenantId.of("U1a2b3c4d"), DeviceId.of("dev-1")));
        assertThat(channel.value()).isEqualTo("C" + SecretHash.of("U1a2b3c4d\u0000dev-1").value().substring(0, 20));
        assertThat(channel).isNotEqualTo(ChannelId.defaultFor(TenantId.of("U9"), DeviceId.of("dev-1")));
    }

    @Test
    void secretHash_isSha256Hex() {
        assertThat(SecretHash.of("test").value())
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void deviceKey_parsesWhatItWrites() {
        DeviceKey key = DeviceKey.of(TenantId.of("U1"), DeviceId.of("Device A"));

        assertThat(DeviceKey.parse(key.asString())).isEqualTo(key);
        assertThatThrownBy(() -> DeviceKey.parse("no-slash")).isInstanceOf(IllegalArgumentException.class);
    }
}
