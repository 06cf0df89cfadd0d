package io.thingbus.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerUrlTest {

    @Test
    void publicUrl_losesItsTrailingSlash_andKeepsItsPath() {
        assertThat(ServerUrl.of(URI.create("https://api.example.com/")).value()).isEqualTo("https://api.example.com");
        assertThat(ServerUrl.of(URI.create("http://example.com:8080/thingbus/")).value())
                .isEqualTo("http://example.com:8080/thingbus");
        assertThat(ServerUrl.relative().value()).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.example.com", "/thingbus", "ftp://example.com", "https://example.com/?a=1",
            "https://example.com/#top", "https://user:pw@example.com"})
    void unusablePublicUrl_isRejected(String url) {
        assertThatThrownBy(() -> ServerUrl.of(URI.create(url))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(url);
    }
}
