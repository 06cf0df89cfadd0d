package io.thingbus.stream.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.stream.domain.VersionCondition;
import io.thingbus.stream.domain.VersionMismatchException;
import org.junit.jupiter.api.Test;

class VersionConditionsTest {

    @Test
    void etag_isTheVersionInQuotes() {
        assertThat(VersionConditions.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void noIfMatch_orAStar_acceptsAnyVersion() {
        for (String header : new String[] {null, "", "*", " * "}) {
            assertThatCode(() -> VersionConditions.of(header).check(42)).as(String.valueOf(header))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void listedStrongTags_acceptOnlyTheirVersions() {
        VersionCondition condition = VersionConditions.of("\"3\", \"5\"");

        assertThatCode(() -> condition.check(5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> condition.check(4)).isInstanceOf(VersionMismatchException.class);
    }

    @Test
    void weakOrForeignTags_neverMatch() {
        for (String header : new String[] {"W/\"3\"", "3", "\"abc\"", "\"99999999999999999999\""}) {
            assertThatThrownBy(() -> VersionConditions.of(header).check(3)).as(header)
                    .isInstanceOf(VersionMismatchException.class);
        }
    }
}
