package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.SecretHash;
import org.junit.jupiter.api.Test;

class DeviceTokenTest {

    @Test
    void token_isHashedAsTheCredentialTopicKeysIt() {
        assertThat(DeviceToken.of("abc123").hash()).isEqualTo(SecretHash.of("abc123"));
    }

    @Test
    void toString_neverShowsTheToken() {
        assertThat(DeviceToken.of("SecretToken99").toString()).doesNotContain("SecretToken99");
    }

    @Test
    void lettersAndDigitsOnly_upTo128() {
        assertThat(DeviceToken.isValid("a".repeat(128))).isTrue();
        assertThat(DeviceToken.isValid("a".repeat(129))).isFalse();
        assertThat(DeviceToken.isValid("")).isFalse();
        assertThat(DeviceToken.isValid("abc-123")).isFalse();
        assertThat(DeviceToken.isValid("abc#")).isFalse();
        assertThatThrownBy(() -> DeviceToken.of("no/slash")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("no/slash");
    }

    @Test
    void matches_onlyTheExactLevel() {
        DeviceToken token = DeviceToken.of("Abc123");
        assertThat(token.matches("Abc123")).isTrue();
        assertThat(token.matches("abc123")).isFalse();
        assertThat(token.matches("Abc1234")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
