package io.thingbus.device.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.device.domain.VersionCondition;
import io.thingbus.service.IfMatch;
import org.junit.jupiter.api.Test;

class IfMatchConditionTest {

    @Test
    void noIfMatchOrStar_allowsAnyVersion() {
        assertThat(IfMatchCondition.from(null).allows(42)).isTrue();
        assertThat(IfMatchCondition.from("*").allows(42)).isTrue();
    }

    @Test
    void ifMatch_withQuotedVersions_allowsExactlyThose() {
        VersionCondition condition = IfMatchCondition.from("\"3\", \"5\"");

        assertThat(condition.allows(3)).isTrue();
        assertThat(condition.allows(5)).isTrue();
        assertThat(condition.allows(4)).isFalse();
    }

    @Test
    void ifMatch_withWeakOrMalformedTags_matchesNothing() {
        assertThat(IfMatchCondition.from("W/\"3\"").allows(3)).isFalse();
        assertThat(IfMatchCondition.from("3").allows(3)).isFalse();
        assertThat(IfMatchCondition.from("\"abc\"").allows(3)).isFalse();
    }

    @Test
    void tag_isTheQuotedVersion_andIfMatchWithItAllowsThatVersion() {
        assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
        assertThat(IfMatchCondition.from(IfMatch.etag(7)).allows(7)).isTrue();
        assertThat(IfMatchCondition.from(IfMatch.etag(7)).allows(8)).isFalse();
    }
}
