package io.thingbus.device.domain;

import static io.thingbus.device.domain.DeviceAttributesTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GatewayAttributeResponseTest {

    private static final DeviceKey DEVICE = DeviceKey.of(TenantId.of("U1a2b3c4d"), DeviceId.of("Device A"));
    private static final Map<AttributeKey, JsonNode> FOUND = new TreeMap<>(Map.of(
            AttributeKey.of("attribute1"), json("\"value1\""),
            AttributeKey.of("attribute2"), json("42")));

    @Test
    void oneKey_isAnsweredWithValueAndTheNumericIdAsANumber() {
        String answer = answer(List.of("attribute1"), "7");

        assertThat(answer).isEqualTo("{\"id\":7,\"device\":\"Device A\",\"value\":\"value1\"}");
    }

    @Test
    void oneUnknownKey_isAnsweredWithValueNull() {
        assertThat(answer(List.of("nope"), "7")).isEqualTo("{\"id\":7,\"device\":\"Device A\",\"value\":null}");
    }

    @Test
    void severalKeys_areAnsweredWithTheValuesTheDeviceHas() {
        assertThat(answer(List.of("attribute2", "nope"), "8"))
                .isEqualTo("{\"id\":8,\"device\":\"Device A\",\"values\":{\"attribute2\":42}}");
    }

    @Test
    void noKey_isAnsweredWithEveryValue() {
        assertThat(answer(List.of(), "9")).isEqualTo(
                "{\"id\":9,\"device\":\"Device A\",\"values\":{\"attribute1\":\"value1\",\"attribute2\":42}}");
    }

    @Test
    void aNonNumericOrNonCanonicalId_staysAString() {
        assertThat(json(answer(List.of("attribute1"), "abc")).get("id").isTextual()).isTrue();
        assertThat(json(answer(List.of("attribute1"), "007")).get("id").asText()).isEqualTo("007");
        assertThat(json(answer(List.of("attribute1"), "1.5")).get("id").isTextual()).isTrue();
    }

    @Test
    void largeAndNegativeIntegerIds_stayNumbers() {
        assertThat(answer(List.of("attribute1"), "123456789012345678901234567890"))
                .startsWith("{\"id\":123456789012345678901234567890,");
        assertThat(json(answer(List.of("attribute1"), "-3")).get("id").asInt()).isEqualTo(-3);
    }

    private static String answer(List<String> keys, String id) {
        return new String(GatewayAttributeResponse.bytes(new AttributeRequest(DEVICE, AttributeScope.CLIENT, keys, id),
                FOUND), StandardCharsets.UTF_8);
    }
}
