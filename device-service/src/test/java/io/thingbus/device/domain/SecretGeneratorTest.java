package io.thingbus.device.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.TenantId;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecretGeneratorTest {

    private final SecretGenerator generator = new SecretGenerator(new SecureRandom());

    @Test
    void newUserId_looksLikeThingScaleIdAndIsAValidTenant() {
        TenantId id = generator.newUserId();

        assertThat(id.value()).matches("U[a-z0-9]{10}");
        assertThat(TenantId.isValid(id.value())).isTrue();
    }

    @Test
    void newApiKey_isFortyLettersOrDigits() {
        assertThat(generator.newApiKey().value()).matches("[A-Za-z0-9]{40}");
    }

    @Test
    void newDeviceToken_isThirtyTwoLettersOrDigitsSoItFitsInAnMqttTopic() {
        assertThat(generator.newDeviceToken().value()).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void newDeviceToken_neverRepeatsInTenThousandDraws() {
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> tokens.add(generator.newDeviceToken().value()));

        assertThat(tokens).hasSize(10_000);
    }

    @Test
    void newApiKey_drawsFromTheWholeAlphabet() {
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 2_000).forEach(i -> generator.newApiKey().value().chars().forEach(c -> seen.add((char) c)));

        assertThat(seen).hasSize(62);
    }

    @Test
    void newUserId_drawsOnlyLowerCaseLettersAndDigitsButAllOfThem() {
        Set<Character> seen = new HashSet<>();
        IntStream.range(0, 2_000).forEach(i -> generator.newUserId().value().substring(1).chars()
                .forEach(c -> seen.add((char) c)));

        assertThat(seen).hasSize(36).allMatch(c -> Character.isDigit(c) || Character.isLowerCase(c));
    }
}
