package io.thingbus.device.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.device.domain.VersionCondition;
import org.junit.jupiter.api.Test;

class EntityVersionsTest {

    @Test
    void noIfMatchOrStar_allowsAnyVersion() {
        assertThat(EntityVersions.ifMatch(null).allows(42)).isTrue();
        assertThat(EntityVersions.ifMatch("*").allows(42)).isTrue();
    }

    @Test
    void ifMatch_withQuotedVersions_allowsExactlyThose() {
        VersionCondition condition = EntityVersions.ifMatch("\"3\", \"5\"");

        assertThat(condition.allows(3)).isTrue();
        assertThat(condition.allows(5)).isTrue();
        assertThat(condition.allows(4)).isFalse();
    }

    @Test
    void ifMatch_withWeakOrMalformedTags_matchesNothing() {
        assertThat(EntityVersions.ifMatch("W/\"3\"").allows(3)).isFalse();
        assertThat(EntityVersions.ifMatch("3").allows(3)).isFalse();
        assertThat(EntityVersions.ifMatch("\"abc\"").allows(3)).isFalse();
    }

    @Test
    void tag_isTheQuotedVersion() {
        assertThat(EntityVersions.tag(7).toString()).isEqualTo("\"7\"");
    }
}
