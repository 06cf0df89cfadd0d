package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.PayloadFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PointFieldsTest {

    @Test
    void aJsonObject_givesItsNumericFieldsExactly() {
        PointFields fields = read("{\"temp\": 20.10, \"ok\": true, \"label\": \"x\", \"nested\": {\"temp\": 1}}");

        assertThat(fields.value(FieldName.of("temp"))).contains(new BigDecimal("20.10"));
        assertThat(fields.value(FieldName.of("ok"))).isEmpty();
        assertThat(fields.value(FieldName.of("label"))).isEmpty();
        assertThat(fields.value(FieldName.of("nested"))).isEmpty();
    }

    @Test
    void aBareNumber_isValue1() {
        assertThat(read("-3.25").value(FieldName.of("value1"))).contains(new BigDecimal("-3.25"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "\"text\"", "[1, 2]", "null", "{\"temp\": "})
    void otherPayloads_giveNothingToCompare(String payload) {
        assertThat(read(payload).value(FieldName.of("value1"))).isEmpty();
        assertThat(read(payload).value(FieldName.of("temp"))).isEmpty();
    }

    @Test
    void aBinaryPayload_givesNothingToCompare() {
        assertThat(PointFields.read(PayloadFormat.BINARY, "42".getBytes(StandardCharsets.UTF_8))
                .value(FieldName.of("value1"))).isEmpty();
    }

    private static PointFields read(String json) {
        return PointFields.read(PayloadFormat.JSON, json.getBytes(StandardCharsets.UTF_8));
    }
}
