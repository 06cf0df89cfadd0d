package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.PayloadFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThingScaleTopicParserTest {

    private final ThingScaleTopicParser parser = new ThingScaleTopicParser();

    @Test
    void jsonTopic_withoutTag_isTelemetryOfThatDevice() {
        assertThat(parser.parse("tok3n/json/dev-1"))
                .isEqualTo(new ThingScaleTopic.Telemetry("tok3n", PayloadFormat.JSON, DeviceId.of("dev-1"), Optional.empty()));
    }

    @Test
    void binTopic_withTag_isBinaryTelemetryWithThatTag() {
        assertThat(parser.parse("tok3n/bin/dev-1/sensor_A.1-x"))
                .isEqualTo(new ThingScaleTopic.Telemetry("tok3n", PayloadFormat.BINARY, DeviceId.of("dev-1"),
                        Optional.of("sensor_A.1-x")));
    }

    @Test
    void deviceId_withBlanksInside_isAccepted() {
        assertThat(parser.parse("tok/json/Device A")).isInstanceOf(ThingScaleTopic.Telemetry.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok", "tok/json", "tok/dev-1/subscribe", "tok/JSON/dev-1", "tok/text/dev-1",
            "tok/json/dev-1/tag/extra", "$SYS/broker/clients", "/json/dev-1/x/y"})
    void topicsOutsideTheGrammar_areOther(String topic) {
        assertThat(parser.parse(topic)).isInstanceOf(ThingScaleTopic.Other.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok/json/", "tok/json/ dev", "tok/bin/dev ", "tok/json/dev\u0001x"})
    void invalidDeviceIds_areInvalidTelemetry(String topic) {
        assertThat(parser.parse(topic)).isInstanceOfSatisfying(ThingScaleTopic.InvalidTelemetry.class,
                invalid -> assertThat(invalid.problem()).startsWith("invalid device id"));
    }

    @Test
    void deviceIdLongerThan128Characters_isInvalidTelemetry() {
        assertThat(parser.parse("tok/json/" + "d".repeat(129))).isInstanceOf(ThingScaleTopic.InvalidTelemetry.class);
        assertThat(parser.parse("tok/json/" + "d".repeat(128))).isInstanceOf(ThingScaleTopic.Telemetry.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok/json/dev/", "tok/json/dev/t a g", "tok/json/dev/ünïcode", "tok/bin/dev/a:b"})
    void invalidTags_areInvalidTelemetry(String topic) {
        assertThat(parser.parse(topic)).isInstanceOfSatisfying(ThingScaleTopic.InvalidTelemetry.class,
                invalid -> assertThat(invalid.problem()).startsWith("invalid tag"));
    }

    @Test
    void tagOf64Characters_isAcceptedButNot65() {
        assertThat(parser.parse("tok/json/dev/" + "t".repeat(64))).isInstanceOf(ThingScaleTopic.Telemetry.class);
        assertThat(parser.parse("tok/json/dev/" + "t".repeat(65))).isInstanceOf(ThingScaleTopic.InvalidTelemetry.class);
    }

    @Test
    void everyVariant_keepsTheFirstLevelAsTokenLevel() {
        assertThat(parser.parse("abc/json/dev").tokenLevel()).isEqualTo("abc");
        assertThat(parser.parse("abc/json/").tokenLevel()).isEqualTo("abc");
        assertThat(parser.parse("abc/x/y/z/w").tokenLevel()).isEqualTo("abc");
        assertThat(parser.parse("").tokenLevel()).isEmpty();
    }
}
