package io.thingbus.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonPayloadTest {

    @Test
    void anyOneJsonValue_isValid() {
        for (String body : new String[] {"{\"led\":\"on\"}", "[1, 2]", "\"reboot\"", "23.5", "true", "null",
                "  {\"a\": {\"b\": [1, {\"c\": null}]}}\n"}) {
            assertThat(JsonPayload.isValid(bytes(body))).as(body).isTrue();
        }
    }

    @Test
    void emptyBrokenOrSeveralValues_areInvalid() {
        for (String body : new String[] {"", "   ", "{\"led\": on}", "{\"a\":1", "{} {}", "1 2", "{\"a\":1} x",
                "'single'", "[1,]"}) {
            assertThat(JsonPayload.isValid(bytes(body))).as(body).isFalse();
        }
        assertThat(JsonPayload.isValid(null)).isFalse();
    }

    @Test
    void invalidUtf8InAString_isInvalid() {
        assertThat(JsonPayload.isValid(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'})).isFalse();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
