package io.thingbus.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void noHeaderOrStar_matchesAnyVersion() {
        assertThat(IfMatch.parse(null).matches(7)).isTrue();
        assertThat(IfMatch.parse("*").matches(7)).isTrue();
    }

    @Test
    void listedStrongTags_matchOnlyTheirVersions() {
        IfMatch condition = IfMatch.parse("\"3\", \"5\"");

        assertThat(condition.matches(3)).isTrue();
        assertThat(condition.matches(5)).isTrue();
        assertThat(condition.matches(4)).isFalse();
    }

    @Test
    void weakOrForeignTags_matchNothing() {
        assertThat(IfMatch.parse("W/\"3\"").matches(3)).isFalse();
        assertThat(IfMatch.parse("\"abc\"").matches(3)).isFalse();
    }

    @Test
    void etag_isTheQuotedVersion() {
        assertThat(IfMatch.etag(12)).isEqualTo("\"12\"");
    }

    @Test
    void missingTenant_isA401Problem() {
        assertThatThrownBy(() -> CallerTenant.from(null))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(401));
        assertThat(CallerTenant.from("Uab12cd34ef").value()).isEqualTo("Uab12cd34ef");
    }
}
