package io.thingbus.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UpstreamAddressTest {

    @Test
    void plainUrl_targetsTheCallersPathAndQuery() {
        UpstreamAddress address = UpstreamAddress.parse("s", URI.create("http://127.0.0.1:9102"));

        assertThat(address).isEqualTo(new UpstreamAddress("127.0.0.1", 9102, false, ""));
        assertThat(address.requestUri("/device/d1", "a=1&b=%20")).isEqualTo("/device/d1?a=1&b=%20");
        assertThat(address.requestUri("/device", null)).isEqualTo("/device");
    }

    @Test
    void urlWithPathPrefix_putsItInFrontOfThePath() {
        UpstreamAddress address = UpstreamAddress.parse("s", URI.create("https://devices.internal/thingbus/"));

        assertThat(address).isEqualTo(new UpstreamAddress("devices.internal", 443, true, "/thingbus"));
        assertThat(address.requestUri("/device/d1", null)).isEqualTo("/thingbus/device/d1");
    }

    @Test
    void httpUrlWithoutPort_usesPort80() {
        assertThat(UpstreamAddress.parse("s", URI.create("http://device-service")).port()).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host:21", "device-service:9102", "/relative", "http://host:1/?q=1", "http://u:p@host:1"})
    void unusableUrl_isRejectedNamingTheSetting(String url) {
        assertThatThrownBy(() -> UpstreamAddress.parse("thingbus.gateway.upstream.device-service-url", URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thingbus.gateway.upstream.device-service-url");
    }
}
