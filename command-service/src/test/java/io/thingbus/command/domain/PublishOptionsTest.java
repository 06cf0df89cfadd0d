package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublishOptionsTest {

    @Test
    void noParameters_meanQos1WithoutExpiry() {
        PublishOptions options = PublishOptions.parse(null, "");

        assertThat(options.qos()).isEqualTo(1);
        assertThat(options.expiry()).isEmpty();
    }

    @Test
    void qos0And1_andAnExpiryInSeconds_areTaken() {
        assertThat(PublishOptions.parse("0", "30")).isEqualTo(new PublishOptions(0,
                java.util.Optional.of(Duration.ofSeconds(30))));
        assertThat(PublishOptions.parse("1", "4294967295").expiry()).contains(Duration.ofSeconds(4_294_967_295L));
    }

    @Test
    void qos2_isRefusedAsUnsupported() {
        assertThatThrownBy(() -> PublishOptions.parse("2", null))
                .isInstanceOf(UnsupportedQosException.class)
                .hasMessage("the publish API does not support QoS 2; use qos=0 or qos=1");
    }

    @Test
    void anyOtherQos_isInvalid() {
        for (String qos : new String[] {"3", "-1", "01", "one", " 1"}) {
            assertThatThrownBy(() -> PublishOptions.parse(qos, null)).as(qos)
                    .isInstanceOfSatisfying(InvalidPublishException.class, e -> assertThat(e.field()).isEqualTo("qos"));
        }
    }

    @Test
    void expiryOutsideOneSecondToTheMqttLimit_isInvalid() {
        for (String expiry : new String[] {"0", "-5", "1.5", "4294967296", "PT5S", "99999999999"}) {
            assertThatThrownBy(() -> PublishOptions.parse(null, expiry)).as(expiry)
                    .isInstanceOfSatisfying(InvalidPublishException.class,
                            e -> assertThat(e.field()).isEqualTo("expiry"));
        }
    }
}
