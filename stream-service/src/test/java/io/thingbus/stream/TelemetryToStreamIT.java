package io.thingbus.stream;

import static io.thingbus.stream.StreamApi.ALL_TIME_END;
import static io.thingbus.stream.StreamApi.ALL_TIME_START;
import static io.thingbus.stream.StreamApi.PATIENCE;
import static io.thingbus.stream.StreamApi.as;
import static io.thingbus.stream.StreamApi.awaitPointCount;
import static io.thingbus.stream.StreamApi.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.thingbus.contracts.Header;
import io.thingbus.contracts.TelemetryRecord;
import io.thingbus.testing.InfrastructureResource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** Telemetry records on the real Kafka topic become points readable over the stream API. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = false)
class TelemetryToStreamIT extends TelemetryProducerFixture {

    private static final Instant T0 = Instant.parse("2026-11-21T22:01:02.123Z");

    @Test
    void jsonRecord_becomesAPointReadableOverRest_withItsTimeAndValues() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(T0, "{\"temp\":20,\"humidity\":50}"));

        awaitPointCount(device.tenant, device.channel(), 1);

        range(device.tenant, "2026-11-21 22:01", "2026-11-21 22:02")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).contentType("application/json")
                .body("channel_id", equalTo(device.channel().value()))
                .body("device_id", equalTo(device.device.value()))
                .body("start", equalTo("2026-11-21T22:01:00Z"))
                .body("end", equalTo("2026-11-21T22:02:00Z"))
                .body("count", equalTo(1))
                .body("points[0].time", equalTo("2026-11-21T22:01:02.123Z"))
                .body("points[0].tag", nullValue())
                .body("points[0].values.temp", equalTo(20))
                .body("points[0].values.humidity", equalTo(50))
                .body("next", nullValue());
    }

    @Test
    void rangeBounds_areBothInclusive() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(Instant.parse("2026-11-21T10:00:00Z"), "{\"n\":1}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T10:05:00Z"), "{\"n\":2}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T10:10:00Z"), "{\"n\":3}"));
        awaitPointCount(device.tenant, device.channel(), 3);

        range(device.tenant, "2026-11-21 10:00", "2026-11-21 10:05")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points.values.n", contains(1, 2));
    }

    @Test
    void bareNumber_isStoredAsValue1() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(T0, "23.5"));

        awaitPointCount(device.tenant, device.channel(), 1);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points[0].values.value1", equalTo(23.5f));
    }

    @Test
    void binaryMessagePackMap_isShownAsLowerCaseHexDumpInValue1_withItsDecodedFieldsNextToIt() throws IOException {
        Telemetry device = new Telemetry();
        byte[] messagePack = messagePack();
        telemetry.send(device.binary(T0, messagePack));

        awaitPointCount(device.tenant, device.channel(), 1);

        String hexDump = HexFormat.of().formatHex(messagePack);
        assertThat(hexDump).isLowerCase().matches("[0-9a-f]+");
        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("points[0].values.value1", equalTo(hexDump))
                .body("points[0].values.temp", equalTo(21.5f))
                .body("points[0].values.label", equalTo("ü-sensor"))
                .body("points[0].values.size()", equalTo(3));
    }

    @Test
    void binaryMessagePackScalar_isShownAsValue2_andBytesThatAreNotMessagePackAsHexDumpOnly() throws IOException {
        Telemetry device = new Telemetry();
        byte[] scalar;
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packDouble(23.5);
            scalar = packer.toByteArray();
        }
        telemetry.send(device.binary(T0, scalar));
        telemetry.send(device.binary(T0.plusSeconds(1), new byte[] {(byte) 0xC1, 0x00, (byte) 0xFF}));

        awaitPointCount(device.tenant, device.channel(), 2);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("points[0].values.value1", equalTo("cb4037800000000000"))
                .body("points[0].values.value2", equalTo(23.5f))
                .body("points[1].values.value1", equalTo("c100ff"))
                .body("points[1].values.size()", equalTo(1));
    }

    @Test
    void tagName_selectsOnlyPointsOfThatTag_andWithoutItEveryPointShowsItsTag() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(T0, "kitchen", "{\"temp\":21}"));
        telemetry.send(device.json(T0.plusSeconds(1), "garage", "{\"temp\":9}"));
        telemetry.send(device.json(T0.plusSeconds(2), "{\"temp\":15}"));
        awaitPointCount(device.tenant, device.channel(), 3);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).header("X-TAGNAME", "kitchen")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("count", equalTo(1))
                .body("points[0].tag", equalTo("kitchen"))
                .body("points[0].values.temp", equalTo(21));
        range(device.tenant, ALL_TIME_START, ALL_TIME_END)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("points.tag", contains("kitchen", "garage", null))
                .body("points.values.temp", contains(21, 9, 15));
    }

    @Test
    void startTimeLast_returnsOnlyTheNewestPointAtOrBeforeTheEndTime() {
        Telemetry device = new Telemetry();
        telemetry.send(device.json(Instant.parse("2026-11-21T10:00:00Z"), "{\"n\":1}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T11:00:00Z"), "kitchen", "{\"n\":2}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T12:00:00Z"), "{\"n\":3}"));
        telemetry.send(device.json(Instant.parse("2026-11-21T13:00:00Z"), "{\"n\":4}"));
        awaitPointCount(device.tenant, device.channel(), 4);

        range(device.tenant, "last", "2026-11-21 12:30").get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200)
                .body("count", equalTo(1))
                .body("start", equalTo("2026-11-21T12:00:00Z"))
                .body("points[0].values.n", equalTo(3))
                .body("next", nullValue());
        range(device.tenant, "last", "2026-11-21 12:30").header("X-TAGNAME", "kitchen")
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points.values.n", contains(2));
        range(device.tenant, "last", "2026-11-21 09:00").get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(0)).body("start", nullValue());
    }

    @Test
    void sameRecordProducedTwice_isStoredOnce() {
        Telemetry device = new Telemetry();
        TelemetryRecord record = device.json(T0, "{\"n\":1}");
        telemetry.send(record);
        telemetry.send(record);
        telemetry.send(device.json(T0.plusSeconds(60), "{\"n\":2}"));

        awaitValue(device, 2);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(2)).body("points.values.n", contains(1, 2));
    }

    @Test
    void malformedRecords_areSkippedAndCounted_andTheNextGoodRecordIsStored() {
        Telemetry device = new Telemetry();
        double malformedBefore = rejected("malformed-record");
        double invalidBefore = rejected("invalid-payload");
        TelemetryRecord withoutId = device.json(T0, "{\"n\":0}");
        List<Header> headers = new ArrayList<>(withoutId.headers());
        headers.removeIf(h -> h.name().equals("ce_id"));
        telemetry.send(withoutId.key().asString(), headers, withoutId.payload());
        telemetry.send(device.json(T0.plusSeconds(1), "{\"temp\": 20"));
        telemetry.send(device.json(T0.plusSeconds(2), "\"just text\""));
        telemetry.send(device.json(T0.plusSeconds(3), "{\"n\":1}"));

        awaitValue(device, 1);

        range(device.tenant, ALL_TIME_START, ALL_TIME_END).get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("count", equalTo(1));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(rejected("malformed-record")).isGreaterThanOrEqualTo(malformedBefore + 1);
            assertThat(rejected("invalid-payload")).isGreaterThanOrEqualTo(invalidBefore + 2);
        });
    }

    @Test
    void firstRecordOfADevice_createsItsChannel_listedForItsTenantOnly() {
        Telemetry device = new Telemetry();
        Telemetry stranger = new Telemetry();
        telemetry.send(device.json(T0, "{\"n\":1}"));
        telemetry.send(stranger.json(T0, "{\"n\":1}"));

        StreamApi.awaitChannel(device.tenant, device.channel());

        as(device.tenant).get("/channel").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].channel_id", equalTo(device.channel().value()))
                .body("[0].device_id", equalTo(device.device.value()))
                .body("[0].created_at", org.hamcrest.Matchers.notNullValue());
        StreamApi.awaitChannel(stranger.tenant, stranger.channel());
        as(stranger.tenant).get("/channel").then().statusCode(200)
                .body("channel_id", not(hasItem(device.channel().value())));
    }

    private static void awaitValue(Telemetry device, int n) {
        await().atMost(PATIENCE).untilAsserted(() -> range(device.tenant, ALL_TIME_START, ALL_TIME_END)
                .get("/stream/{channel_id}", device.channel().value())
                .then().statusCode(200).body("points.values.n", hasItem(n)));
    }

    private static double rejected(String reason) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^thingbus_stream_telemetry_rejected_total\\{[^}]*reason=\"" + reason
                + "\"[^}]*} ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static byte[] messagePack() throws IOException {
        try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
            packer.packMapHeader(2);
            packer.packString("temp").packDouble(21.5);
            packer.packString("label").packString("ü-sensor");
            return packer.toByteArray();
        }
    }
}
