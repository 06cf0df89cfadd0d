package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.SecretHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void userName_stripsOuterBlanks() {
        assertThat(UserName.of("  Ada Lovelace ").value()).isEqualTo("Ada Lovelace");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "bell\u0007", "line\nbreak"})
    void userName_withoutPrintableText_isRefused(String name) {
        assertThatThrownBy(() -> UserName.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("name");
    }

    @Test
    void userName_longerThanOneHundredCharacters_isRefused() {
        assertThat(UserName.of("a".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> UserName.of("a".repeat(101))).hasMessageContaining("at most 100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "first.last+tag@mail.example.co.jp", "x@y.io"})
    void email_withAddressShape_isAccepted(String address) {
        assertThat(Email.of(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "a da@example.com",
            "ada@example..com"})
    void email_withoutAddressShape_isRefused(String address) {
        assertThatThrownBy(() -> Email.of(address)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "pro", "enterprise-2", "team_x"})
    void plan_lowerCaseName_isAccepted(String plan) {
        assertThat(Plan.of(plan).value()).isEqualTo(plan);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"BASIC", "2fast", "with space", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void plan_otherName_isRefused(String plan) {
        assertThatThrownBy(() -> Plan.of(plan)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceName_defaultsToTheDeviceId() {
        assertThat(DeviceName.defaultFor(DeviceId.of("Device A")).value()).isEqualTo("Device A");
        assertThat(DeviceName.defaultFor(DeviceId.of("d".repeat(DeviceId.MAX_LENGTH))).value()).hasSize(128);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "tab\there"})
    void deviceName_withoutPrintableText_isRefused(String name) {
        assertThatThrownBy(() -> DeviceName.of(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "0123456789012345678901234567890_", "0123456789012345678901234567890123",
            "äbcdefghijklmnopqrstuvwxyz012345"})
    void deviceToken_notThirtyTwoAsciiLettersOrDigits_isRefused(String token) {
        assertThatThrownBy(() -> DeviceToken.of(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceToken_hashesToTheSecretHashTheBrokerLooksUp() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

        assertThat(DeviceToken.of(token).hash()).isEqualTo(SecretHash.of(token));
    }

    @Test
    void secrets_doNotShowInTheirStringForm() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        String key = "AbCdEfGhIjKlMnOpQrStUvWxYz01234567890123";

        assertThat(DeviceToken.of(token).toString()).doesNotContain(token);
        assertThat(ApiKey.of(key).toString()).doesNotContain(key);
    }

    @Test
    void apiKey_notFortyLettersOrDigits_isRefused() {
        assertThatThrownBy(() -> ApiKey.of("a".repeat(39))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKey.of("a".repeat(39) + "-")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminKey_matchesOnlyItself() {
        AdminKey key = AdminKey.of("operator-secret-0123");

        assertThat(key.matches("operator-secret-0123")).isTrue();
        assertThat(key.matches("operator-secret-0124")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain("operator");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "fifteen-chars!!"})
    void adminKey_missingOrShort_isRefused(String key) {
        assertThatThrownBy(() -> AdminKey.of(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admin key");
    }

    @Test
    void versionCondition_allowsOnlyListedVersionsUnlessAny() {
        assertThat(VersionCondition.any().allows(7)).isTrue();
        assertThat(VersionCondition.oneOf(java.util.Set.of(2L, 3L)).allows(3)).isTrue();
        assertThat(VersionCondition.oneOf(java.util.Set.of(2L, 3L)).allows(4)).isFalse();
        assertThat(VersionCondition.oneOf(java.util.Set.of()).allows(1)).isFalse();
    }

    @Test
    void fieldUpdate_keepsClearsOrSets() {
        java.util.Optional<String> current = java.util.Optional.of("old");

        assertThat(FieldUpdate.<String>keep().applyTo(current)).contains("old");
        assertThat(FieldUpdate.<String>clear().applyTo(current)).isEmpty();
        assertThat(FieldUpdate.set("new").applyTo(current)).contains("new");
    }
}
