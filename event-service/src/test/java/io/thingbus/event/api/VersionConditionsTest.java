package io.thingbus.event.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.event.domain.VersionCondition;
import org.junit.jupiter.api.Test;

class VersionConditionsTest {

    @Test
    void etag_isTheVersionInQuotes() {
        assertThat(VersionConditions.etag(3)).isEqualTo("\"3\"");
    }

    @Test
    void noIfMatch_orAStar_allowsAnyVersion() {
        for (String header : new String[] {null, "", "*", " * "}) {
            assertThat(VersionConditions.of(header).allows(42)).as(String.valueOf(header)).isTrue();
        }
    }

    @Test
    void listedStrongTags_allowOnlyTheirVersions() {
        VersionCondition condition = VersionConditions.of("\"3\", \"5\"");

        assertThat(condition.allows(5)).isTrue();
        assertThat(condition.allows(4)).isFalse();
    }

    @Test
    void weakOrForeignTags_allowNothing() {
        for (String header : new String[] {"W/\"3\"", "3", "\"abc\""}) {
            assertThat(VersionConditions.of(header).allows(3)).as(header).isFalse();
        }
    }
}
