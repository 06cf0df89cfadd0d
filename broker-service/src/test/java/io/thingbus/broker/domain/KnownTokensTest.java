package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownTokensTest {

    private static final DeviceToken A = DeviceToken.of("TokenA");
    private static final DeviceToken B = DeviceToken.of("TokenB");
    private static final DeviceToken C = DeviceToken.of("TokenC");

    @Test
    void learntToken_isFoundByItsHash() {
        KnownTokens tokens = new KnownTokens(10);

        tokens.learn(A);

        assertThat(tokens.byHash(A.hash())).contains(A);
        assertThat(tokens.byHash(B.hash())).isEmpty();
    }

    @Test
    void beyondCapacity_theLeastRecentlyUsedTokenIsForgotten() {
        KnownTokens tokens = new KnownTokens(2);
        tokens.learn(A);
        tokens.learn(B);
        tokens.byHash(A.hash());

        tokens.learn(C);

        assertThat(tokens.byHash(A.hash())).contains(A);
        assertThat(tokens.byHash(B.hash())).isEmpty();
        assertThat(tokens.byHash(C.hash())).contains(C);
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void capacityBelowOne_isRefused() {
        assertThatThrownBy(() -> new KnownTokens(0)).hasMessageContaining("known-tokens");
    }
}
