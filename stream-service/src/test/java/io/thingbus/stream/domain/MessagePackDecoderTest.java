package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

class MessagePackDecoderTest {

    private final MessagePackDecoder decoder = new MessagePackDecoder();

    @Test
    void mapWithStringKeys_becomesAnObjectWithItsScalars() throws IOException {
        byte[] bytes = pack(p -> {
            p.packMapHeader(6);
            p.packString("temp").packDouble(21.5);
            p.packString("count").packInt(-7);
            p.packString("label").packString("ü-sensor");
            p.packString("on").packBoolean(true);
            p.packString("none").packNil();
            p.packString("ratio").packFloat(0.1f);
        });

        assertThat(json(bytes)).isEqualTo(
                "{\"temp\":21.5,\"count\":-7,\"label\":\"ü-sensor\",\"on\":true,\"none\":null,\"ratio\":0.1}");
    }

    @Test
    void nestedMapsAndArrays_becomeNestedJson() throws IOException {
        byte[] bytes = pack(p -> {
            p.packMapHeader(2);
            p.packString("gps").packMapHeader(2)
                    .packString("lat").packDouble(35.68).packString("lon").packDouble(139.76);
            p.packString("readings").packArrayHeader(3).packInt(1).packInt(2).packArrayHeader(1).packString("x");
        });

        assertThat(json(bytes)).isEqualTo("{\"gps\":{\"lat\":35.68,\"lon\":139.76},\"readings\":[1,2,[\"x\"]]}");
    }

    @Test
    void scalars_decodeAlone() throws IOException {
        assertThat(json(pack(p -> p.packDouble(23.5)))).isEqualTo("23.5");
        assertThat(json(pack(p -> p.packLong(Long.MIN_VALUE)))).isEqualTo("-9223372036854775808");
        assertThat(json(pack(p -> p.packBigInteger(new BigInteger("18446744073709551615")))))
                .isEqualTo("18446744073709551615");
        assertThat(json(pack(p -> p.packString("hello")))).isEqualTo("\"hello\"");
        assertThat(json(new byte[] {0x01})).isEqualTo("1");
        assertThat(json(new byte[] {(byte) 0xC0})).isEqualTo("null");
    }

    @Test
    void binaryValues_becomeLowerCaseHex_andTimestampsIsoInstants() throws IOException {
        byte[] bytes = pack(p -> {
            p.packMapHeader(2);
            p.packString("blob").packBinaryHeader(3).writePayload(new byte[] {0x0A, (byte) 0xFF, 0x00});
            p.packString("at").packTimestamp(Instant.parse("2026-11-21T22:01:02.123Z"));
        });

        assertThat(json(bytes)).isEqualTo("{\"blob\":\"0aff00\",\"at\":\"2026-11-21T22:01:02.123Z\"}");
    }

    @Test
    void repeatedKey_keepsItsLastValue() throws IOException {
        byte[] bytes = pack(p -> p.packMapHeader(2).packString("a").packInt(1).packString("a").packInt(2));

        assertThat(json(bytes)).isEqualTo("{\"a\":2}");
    }

    @Test
    void bytesThatAreNotExactlyOneValue_areNotDecoded() throws IOException {
        byte[] twoValues = pack(p -> p.packInt(1).packInt(2));
        byte[] truncatedMap = HexFormat.of().parseHex("82a474656d70cb4035");
        assertThat(decoder.decode(new byte[0])).isEmpty();
        assertThat(decoder.decode(twoValues)).isEmpty();
        assertThat(decoder.decode(truncatedMap)).isEmpty();
        assertThat(decoder.decode("{\"temp\":20}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
        assertThat(decoder.decode(new byte[] {(byte) 0xC1})).as("the never-used format byte").isEmpty();
    }

    @Test
    void whatJsonCannotShow_isNotDecoded() throws IOException {
        assertThat(decoder.decode(pack(p -> p.packMapHeader(1).packInt(1).packString("x"))))
                .as("an integer map key").isEmpty();
        assertThat(decoder.decode(pack(p -> p.packDouble(Double.NaN)))).as("NaN").isEmpty();
        assertThat(decoder.decode(pack(p -> p.packFloat(Float.POSITIVE_INFINITY)))).as("infinity").isEmpty();
        assertThat(decoder.decode(pack(p -> p.packExtensionTypeHeader((byte) 5, 1).writePayload(new byte[] {1}))))
                .as("an application extension type").isEmpty();
        assertThat(decoder.decode(new byte[] {(byte) 0xA2, (byte) 0xC3, 0x28})).as("invalid UTF-8").isEmpty();
    }

    @Test
    void forgedLengths_areRefusedWithoutAllocatingThem() {
        byte[] hugeString = {(byte) 0xDB, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'a'};
        byte[] hugeArray = {(byte) 0xDD, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
        byte[] hugeMap = {(byte) 0xDF, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThat(decoder.decode(hugeString)).isEmpty();
        assertThat(decoder.decode(hugeArray)).isEmpty();
        assertThat(decoder.decode(hugeMap)).isEmpty();
    }

    @Test
    void nestingDeeperThanTheLimit_isNotDecoded() {
        byte[] deep = new byte[MessagePackDecoder.MAX_DEPTH + 1];
        java.util.Arrays.fill(deep, (byte) 0x91);
        deep[deep.length - 1] = 0x01;
        byte[] tooDeep = new byte[MessagePackDecoder.MAX_DEPTH + 2];
        java.util.Arrays.fill(tooDeep, (byte) 0x91);
        tooDeep[tooDeep.length - 1] = 0x01;

        assertThat(decoder.decode(deep)).isPresent();
        assertThat(decoder.decode(tooDeep)).isEmpty();
    }

    private String json(byte[] bytes) {
        JsonNode value = decoder.decode(bytes).orElseThrow();
        return JsonCodec.write(value);
    }

    private static byte[] pack(PackerWork work) throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            work.pack(packer);
            return packer.toByteArray();
        }
    }

    @FunctionalInterface
    private interface PackerWork {
        void pack(MessageBufferPacker packer) throws IOException;
    }
}
