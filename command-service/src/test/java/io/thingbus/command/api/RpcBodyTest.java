package io.thingbus.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.command.domain.InvalidRpcException;
import io.thingbus.command.domain.RpcRequest;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RpcBodyTest {

    private static final DeviceKey DEVICE = DeviceKey.of(TenantId.of("U1"), DeviceId.of("Device A"));

    @Test
    void aFullBody_becomesTheRequest_withParamsKeptAsJson() {
        RpcRequest request = parse("{\"method\":\"setLevel\",\"params\":[1,{\"a\":null}],\"timeout_ms\":2500,"
                + "\"one_way\":false,\"expiry_ms\":60000}");

        assertThat(request.method()).isEqualTo("setLevel");
        assertThat(request.params().toString()).isEqualTo("[1,{\"a\":null}]");
        assertThat(request.oneWay()).isFalse();
        assertThat(request.timeout()).contains(Duration.ofMillis(2500));
        assertThat(request.expiry()).contains(Duration.ofMinutes(1));
    }

    @Test
    void onlyTheMethod_isRequired_paramsDefaultToAnEmptyObject() {
        RpcRequest request = parse("{\"method\":\"reboot\"}");

        assertThat(request.params().toString()).isEqualTo("{}");
        assertThat(request.oneWay()).isFalse();
        assertThat(request.timeout()).isEmpty();
        assertThat(request.expiry()).isEmpty();
        assertThat(parse("{\"method\":\"reboot\",\"params\":null}").params().isNull()).isTrue();
    }

    @Test
    void wrongOrUnknownFields_areRefusedNamingTheField() {
        assertField("{\"params\":{}}", "method");
        assertField("{\"method\":7}", "method");
        assertField("{\"method\":\"m\",\"timeout_ms\":\"10\"}", "timeout_ms");
        assertField("{\"method\":\"m\",\"timeout_ms\":1.5}", "timeout_ms");
        assertField("{\"method\":\"m\",\"one_way\":\"yes\"}", "one_way");
        assertField("{\"method\":\"m\",\"expiry\":10}", "expiry");
        assertField("[]", "body");
        assertField("{\"method\":\"m\"", "body");
        assertField("{\"method\":\"a\",\"method\":\"b\"}", "body");
        assertField("", "body");
    }

    private static RpcRequest parse(String body) {
        return RpcBody.parse(DEVICE, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> parse(body)).as(body)
                .isInstanceOfSatisfying(InvalidRpcException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
