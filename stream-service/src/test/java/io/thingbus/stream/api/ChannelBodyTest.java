package io.thingbus.stream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.DeviceId;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.ChannelName;
import org.junit.jupiter.api.Test;

class ChannelBodyTest {

    @Test
    void deviceAndName_areRead() {
        ChannelBody body = ChannelBody.parse("{\"device_id\":\"dev 1\",\"name\":\"Kitchen\"}");

        assertThat(body.requireDevice()).isEqualTo(DeviceId.of("dev 1"));
        assertThat(body.name()).contains(new ChannelName("Kitchen"));
    }

    @Test
    void absentOrNullFields_andAnEmptyBody_changeNothing() {
        assertThat(ChannelBody.parse("{\"name\":null}").name()).isEmpty();
        assertThat(ChannelBody.parse("{}").device()).isEmpty();
        assertThat(ChannelBody.parse(null).device()).isEmpty();
        assertThat(ChannelBody.parse(" ").name()).isEmpty();
    }

    @Test
    void invalidBodies_areRefusedNamingTheField() {
        assertField("[1]", "body");
        assertField("{\"device_id\":", "body");
        assertField("{\"device_id\":\"a/b\"}", "body.device_id");
        assertField("{\"device_id\":7}", "body.device_id");
        assertField("{\"name\":\"\"}", "body.name");
        assertField("{\"name\":5}", "body.name");
        assertField("{\"device_id\":\"d\",\"colour\":\"red\"}", "body.colour");
    }

    @Test
    void createWithoutDevice_isRefusedNamingDeviceId() {
        ChannelBody body = ChannelBody.parse("{\"name\":\"Kitchen\"}");

        assertThatThrownBy(body::requireDevice).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("body.device_id"));
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> ChannelBody.parse(json)).as(json).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors().get(0).field()).isEqualTo(field);
                });
    }
}
