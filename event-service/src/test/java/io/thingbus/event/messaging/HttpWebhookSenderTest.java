package io.thingbus.event.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.event.domain.DeliveryException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpWebhookSenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1"})
    void nonPublicAddresses_areRecognised(String address) throws UnknownHostException {
        assertThat(HttpWebhookSender.isPublic(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2001:4860:4860::8888"})
    void publicAddresses_areRecognised(String address) throws UnknownHostException {
        assertThat(HttpWebhookSender.isPublic(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "169.254.169.254"})
    void aWebhookToANonPublicHost_failsPermanentlyWhenSuchAddressesAreDenied(String host) {
        assertThatThrownBy(() -> HttpWebhookSender.refuseNonPublic(host))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.permanent()).isTrue());
    }
}
