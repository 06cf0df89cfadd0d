package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTelemetryPayloadTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"temp\":20, \"humidity\":50}", " {\"a\":{\"b\":[1,2,{\"c\":null}]}} \n", "23.5",
            "-1", "1e3", " 42 ", "{\"s\":\"ü\\u00fc\\n\"}"})
    void objectsAndNumbers_areAcceptable(String payload) {
        assertThat(JsonTelemetryPayload.isAcceptable(utf8(payload))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[1]", "\"23.5\"", "true", "null", "NaN", "+1", "01", "{", "{\"a\":1,}",
            "{'a':1}", "{\"a\":1} {\"b\":2}", "{\"a\":1}x", "23.5abc", "{\"a\":\"\u0001\"}", "// c\n{}"})
    void everythingElse_isNot(String payload) {
        assertThat(JsonTelemetryPayload.isAcceptable(utf8(payload))).isFalse();
    }

    @Test
    void invalidUtf8_isNot() {
        assertThat(JsonTelemetryPayload.isAcceptable(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, '"', '}'}))
                .isFalse();
    }

    @Test
    void deeplyNestedObject_isRefusedInsteadOfExhaustingTheStack() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThat(JsonTelemetryPayload.isAcceptable(utf8(deep))).isFalse();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
