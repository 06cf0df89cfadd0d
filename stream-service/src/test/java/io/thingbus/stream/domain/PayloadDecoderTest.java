package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PayloadDecoderTest {

    private final PayloadDecoder decoder = new PayloadDecoder();

    @Test
    void jsonObject_becomesItsFields() {
        PointContent content = decoder.decode(PayloadFormat.JSON, utf8("{\"temp\":20, \"humidity\":50}"));

        assertThat(content.values().toJson()).isEqualTo("{\"temp\":20,\"humidity\":50}");
        assertThat(content.rawBytes()).isEmpty();
    }

    @Test
    void nestedObjectsArraysAndStrings_areKept() {
        PointContent content = decoder.decode(PayloadFormat.JSON,
                utf8("{\"gps\":{\"lat\":35.68,\"lon\":139.76},\"tags\":[\"a\",\"b\"],\"state\":\"on\",\"ok\":true}"));

        assertThat(content.values().toJson())
                .isEqualTo("{\"gps\":{\"lat\":35.68,\"lon\":139.76},\"tags\":[\"a\",\"b\"],\"state\":\"on\",\"ok\":true}");
    }

    @Test
    void bareNumber_becomesValue1() {
        assertThat(decoder.decode(PayloadFormat.JSON, utf8("23.5")).values().toJson()).isEqualTo("{\"value1\":23.5}");
        assertThat(decoder.decode(PayloadFormat.JSON, utf8(" -7\n")).values().toJson()).isEqualTo("{\"value1\":-7}");
    }

    @Test
    void numbers_keepTheirExactValue() {
        PointContent content = decoder.decode(PayloadFormat.JSON, utf8("12345678901234567890.123456789"));

        assertThat(content.values().toJson()).isEqualTo("{\"value1\":12345678901234567890.123456789}");
    }

    @Test
    void binaryPayload_becomesLowerCaseHexDumpInValue1_andKeepsTheRawBytes() {
        byte[] payload = {(byte) 0x82, (byte) 0xA1, 0x74, (byte) 0xCB, 0x00, (byte) 0xFF};
        // a truncated MessagePack map: not decodable, so the hex dump only

        PointContent content = decoder.decode(PayloadFormat.BINARY, payload);

        assertThat(content.values().toJson()).isEqualTo("{\"value1\":\"82a174cb00ff\"}");
        assertThat(content.rawBytes()).hasValueSatisfying(raw -> assertThat(raw).containsExactly(payload));
    }

    @Test
    void binaryMessagePackMap_showsItsFieldsNextToTheHexDump() {
        byte[] payload = HexFormat.of().parseHex("82a474656d70cb4035800000000000a26f6bc3");

        PointContent content = decoder.decode(PayloadFormat.BINARY, payload);

        assertThat(content.values().toJson())
                .isEqualTo("{\"value1\":\"82a474656d70cb4035800000000000a26f6bc3\",\"temp\":21.5,\"ok\":true}");
        assertThat(content.rawBytes()).hasValueSatisfying(raw -> assertThat(raw).containsExactly(payload));
    }

    @Test
    void binaryMessagePackScalar_isShownAsValue2() {
        assertThat(decoder.decode(PayloadFormat.BINARY, HexFormat.of().parseHex("cb4037800000000000"))
                .values().toJson()).isEqualTo("{\"value1\":\"cb4037800000000000\",\"value2\":23.5}");
        assertThat(decoder.decode(PayloadFormat.BINARY, HexFormat.of().parseHex("92010a"))
                .values().toJson()).isEqualTo("{\"value1\":\"92010a\",\"value2\":[1,10]}");
    }

    @Test
    void messagePackMapEntryNamedValue1_isLeftOut_soValue1AlwaysHoldsTheHexDump() {
        byte[] payload = HexFormat.of().parseHex("82a676616c7565310aa17801");

        assertThat(decoder.decode(PayloadFormat.BINARY, payload).values().toJson())
                .isEqualTo("{\"value1\":\"82a676616c7565310aa17801\",\"x\":1}");
    }

    @Test
    void binaryThatIsNotMessagePack_orHoldsWhatTheStoreCannotKeep_isHexDumpOnly() {
        assertThat(decoder.decode(PayloadFormat.BINARY, new byte[] {1, 2, (byte) 0xAB}).values().toJson())
                .isEqualTo("{\"value1\":\"0102ab\"}");
        byte[] stringWithNul = HexFormat.of().parseHex("81a16ba3610062");
        assertThat(decoder.decode(PayloadFormat.BINARY, stringWithNul).values().toJson())
                .isEqualTo("{\"value1\":\"81a16ba3610062\"}");
    }

    @Test
    void emptyBinaryPayload_becomesEmptyHexDump() {
        assertThat(decoder.decode(PayloadFormat.BINARY, new byte[0]).values().toJson())
                .isEqualTo("{\"value1\":\"\"}");
    }

    @Test
    void jsonThatIsNotAnObjectOrNumber_isRefused() {
        for (String payload : new String[] {"\"hot\"", "true", "null", "[1,2]"}) {
            assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8(payload)))
                    .as(payload)
                    .isInstanceOf(InvalidPointException.class)
                    .hasMessageContaining("JSON object or a number");
        }
    }

    @Test
    void payloadThatIsNotJson_isRefused() {
        for (String payload : new String[] {"", "{temp:20}", "{\"temp\":20", "23.5 24", "NaN"}) {
            assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8(payload)))
                    .as(payload)
                    .isInstanceOf(InvalidPointException.class)
                    .hasMessageStartingWith("not valid JSON");
        }
    }

    @Test
    void repeatedKey_keepsItsLastValue_asTheStoreWould() {
        assertThat(decoder.decode(PayloadFormat.JSON, utf8("{\"a\":1,\"a\":2}")).values().toJson())
                .isEqualTo("{\"a\":2}");
    }

    @Test
    void refusalOfUnreadableJson_saysWhereButNotHowTheParserWorks() {
        assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8("{\"temp\": 20")))
                .isInstanceOf(InvalidPointException.class)
                .hasMessageContaining("line 1, column")
                .hasMessageNotContaining("Source")
                .hasMessageNotContaining("Jackson")
                .hasMessageNotContaining("\n");
    }

    @Test
    void invalidUtf8_isRefused() {
        byte[] payload = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, payload)).isInstanceOf(InvalidPointException.class);
    }

    @Test
    void valuesTheStoreCannotHold_areRefused() {
        assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8("{\"a\":\"x\\u0000y\"}")))
                .isInstanceOf(InvalidPointException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8("{\"a\\u0000\":1}")))
                .isInstanceOf(InvalidPointException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> decoder.decode(PayloadFormat.JSON, utf8("{\"a\":[1e1000000]}")))
                .isInstanceOf(InvalidPointException.class).hasMessageContaining("values.a[0]");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
