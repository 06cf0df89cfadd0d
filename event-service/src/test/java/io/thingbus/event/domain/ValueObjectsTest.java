package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ops@example.com", "first.last+alerts@sub.example.co.uk", "a@localhost"})
    void emailAddress_acceptsWhatBrowsersAccept(String address) {
        assertThat(EmailAddress.of(address).value()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a b@example.com", "a@exa mple.com", "a@-example.com",
            "Ops <ops@example.com>", "a@example.com\r\nBcc: x@example.com"})
    void emailAddress_refusesMalformedAddresses(String address) {
        assertThatThrownBy(() -> EmailAddress.of(address)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "mailto:a@example.com",
            "/relative/path", "https://user:pass@example.com/", "https://example.com/#fragment", "http://", "not a url"})
    void webhookUrl_refusesWhatCannotBeAnHttpEndpoint(String url) {
        assertThatThrownBy(() -> WebhookUrl.of(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void webhookUrl_showsOnlyItsOriginWhereSecretsMayNotGo() {
        assertThat(WebhookUrl.of("HTTPS://hooks.example.com:8443/services/T0/B0/secret?token=x").origin())
                .isEqualTo("https://hooks.example.com:8443");
        assertThat(WebhookUrl.of("http://10.0.0.5/hook").origin()).isEqualTo("http://10.0.0.5");
    }

    @Test
    void eventIdsAndSecrets_areRandomAndWellFormed() {
        SecureRandom random = new SecureRandom();

        assertThat(EventId.isValid(EventId.random(random).value())).isTrue();
        assertThat(EventId.random(random)).isNotEqualTo(EventId.random(random));
        assertThat(WebhookSecret.random(random).value()).matches("whsec_[A-Za-z0-9]{40}");
        assertThat(WebhookSecret.random(random).toString()).doesNotContain("whsec_A").isEqualTo("whsec_…");
    }

    @Test
    void noDataMinutes_becomeASilenceToTheMillisecond() {
        assertThat(new NoDataCondition(new BigDecimal("0.05")).silence()).isEqualTo(Duration.ofSeconds(3));
        assertThat(new NoDataCondition(new BigDecimal("15")).silence()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new NoDataCondition(new BigDecimal("43200.1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesFieldsAndTags_refuseControlCharacters() {
        assertThatThrownBy(() -> RuleName.of("line\nbreak")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FieldName.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tag.of("t".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    }
}
