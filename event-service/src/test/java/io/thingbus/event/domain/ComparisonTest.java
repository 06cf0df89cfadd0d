package io.thingbus.event.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {

    @ParameterizedTest(name = "{1} {0} 30 is {2}")
    @CsvSource({
            ">, 30.01, true", ">, 30, false", ">=, 30, true", ">=, 29.99, false",
            "<, 29.99, true", "<, 30, false", "<=, 30.00, true", "<=, 30.01, false",
            "==, 30.0, true", "==, 30.1, false", "!=, 30.1, true", "!=, 30.000, false"})
    void threshold_comparesExactly(String operator, String value, boolean expected) {
        Comparison comparison = Comparison.threshold(Operator.fromSymbol(operator).orElseThrow(), new BigDecimal("30"));

        assertThat(comparison.isTrue(new BigDecimal(value))).isEqualTo(expected);
        assertThat(comparison.isClear(new BigDecimal(value), BigDecimal.ZERO)).isEqualTo(!expected);
    }

    @ParameterizedTest(name = "{1} {0} [10, 20] is {2}")
    @CsvSource({
            "outside, 9.9, true", "outside, 10, false", "outside, 20, false", "outside, 20.1, true",
            "inside, 10, true", "inside, 20, true", "inside, 9.99, false", "inside, 20.01, false"})
    void range_includesItsBounds(String operator, String value, boolean expected) {
        Comparison comparison = Comparison.range(Operator.fromSymbol(operator).orElseThrow(), BigDecimal.TEN,
                new BigDecimal("20"));

        assertThat(comparison.isTrue(new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} 30 with hysteresis 2: {1} clears it: {2}")
    @CsvSource({
            ">, 28, true", ">, 28.01, false", ">=, 27.99, true", ">=, 28, false",
            "<, 32, true", "<, 31.99, false", "<=, 32.01, true", "<=, 32, false"})
    void hysteresis_movesTheReArmPointToTheSafeSide(String operator, String value, boolean clear) {
        Comparison comparison = Comparison.threshold(Operator.fromSymbol(operator).orElseThrow(), new BigDecimal("30"));

        assertThat(comparison.isClear(new BigDecimal(value), new BigDecimal("2"))).isEqualTo(clear);
    }

    @ParameterizedTest(name = "{0} [10, 20] with hysteresis 1: {1} clears it: {2}")
    @CsvSource({
            "outside, 11, true", "outside, 10.5, false", "outside, 19, true", "outside, 19.5, false",
            "inside, 8.9, true", "inside, 9, false", "inside, 21.1, true", "inside, 21, false"})
    void hysteresis_narrowsOrWidensARange(String operator, String value, boolean clear) {
        Comparison comparison = Comparison.range(Operator.fromSymbol(operator).orElseThrow(), BigDecimal.TEN,
                new BigDecimal("20"));

        assertThat(comparison.isClear(new BigDecimal(value), BigDecimal.ONE)).isEqualTo(clear);
    }

    @ParameterizedTest
    @CsvSource({"outside, 20, 10", "inside, 5, 5"})
    void aRange_needsLowBelowHigh(String operator, String low, String high) {
        assertThatThrownBy(() -> Comparison.range(Operator.fromSymbol(operator).orElseThrow(), new BigDecimal(low),
                new BigDecimal(high))).isInstanceOf(IllegalArgumentException.class);
    }
}
