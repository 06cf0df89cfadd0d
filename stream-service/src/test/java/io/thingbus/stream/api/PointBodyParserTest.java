package io.thingbus.stream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.service.Problem;
import io.thingbus.service.ProblemException;
import io.thingbus.stream.domain.JsonCodec;
import io.thingbus.stream.domain.PayloadDecoder;
import io.thingbus.stream.domain.PointInput;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointBodyParserTest {

    private final PointBodyParser parser = new PointBodyParser(new PayloadDecoder(), new TimeHeaderParser());

    @Test
    void plainObject_isOnePointWithoutTime() {
        List<PointInput> points = parser.parse("{\"temp\":20,\"humidity\":50}", 10);

        assertThat(points).hasSize(1);
        assertThat(points.get(0).time()).isEmpty();
        assertThat(points.get(0).values().toJson()).isEqualTo("{\"temp\":20,\"humidity\":50}");
    }

    @Test
    void bareNumber_isOnePointWithValue1() {
        List<PointInput> points = parser.parse("23.5", 10);

        assertThat(points.get(0).values().toJson()).isEqualTo("{\"value1\":23.5}");
    }

    @Test
    void timedPoints_inAnArray_keepTheirTimesAndOrder() {
        List<PointInput> points = parser.parse("""
                [{"time":"2026-11-21T22:01:02.123Z","values":{"temp":20}},
                 {"time":"2026-11-21 22:05","values":{"temp":21}},
                 {"values":{"temp":22}}]""", 10);

        assertThat(points).extracting(PointInput::time).containsExactly(
                Optional.of(Instant.parse("2026-11-21T22:01:02.123Z")),
                Optional.of(Instant.parse("2026-11-21T22:05:00Z")),
                Optional.empty());
        assertThat(points.get(1).values().toJson()).isEqualTo("{\"temp\":21}");
    }

    @Test
    void invalidTimeInTheSecondPoint_isRefusedNamingIt() {
        assertRefused("[{\"values\":{\"a\":1}},{\"time\":\"soon\",\"values\":{\"a\":2}}]", "body[1].time");
    }

    @Test
    void timedPointWithOtherMembers_isRefusedNamingTheMember() {
        assertRefused("{\"time\":\"2026-11-21 22:01\",\"values\":{\"a\":1},\"unit\":\"C\"}", "body.unit");
    }

    @Test
    void valuesThatAreNotAnObject_areRefused() {
        assertRefused("{\"values\":[1,2]}", "body.values");
    }

    @Test
    void bodiesThatAreNotPoints_areRefused() {
        assertRefused("", "body");
        assertRefused("{\"temp\":", "body");
        assertRefused("\"hot\"", "body");
        assertRefused("[]", "body");
        assertRefused("[true]", "body[0]");
        assertRefused("{\"a\":1} {\"b\":2}", "body");
    }

    @Test
    void moreThanTheMaximumNumberOfPoints_isRefused() {
        assertRefused("[1,2,3]", "body", 2);
    }

    @Test
    void numbersKeepTheirExactDecimalForm() {
        PointInput point = parser.parse("{\"v\":0.10000000000000000000001,\"w\":20.50}", 1).get(0);

        assertThat(JsonCodec.write(point.values().asJson())).isEqualTo("{\"v\":0.10000000000000000000001,\"w\":20.50}");
    }

    private void assertRefused(String body, String field) {
        assertRefused(body, field, 10);
    }

    private void assertRefused(String body, String field, int maxPoints) {
        assertThatThrownBy(() -> parser.parse(body, maxPoints))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().errors()).extracting(Problem.FieldViolation::field).containsExactly(field);
                });
    }
}
