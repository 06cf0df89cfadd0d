package io.thingbus.device.domain;

import static io.thingbus.device.domain.DeviceAttributesTest.json;
import static io.thingbus.device.domain.DeviceAttributesTest.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributePatchTest {

    @Test
    void jsonNull_meansDeleteAndTheOrderIsKept() {
        AttributePatch patch = patch("{\"b\":1,\"a\":null}");

        assertThat(patch.changes().keySet()).containsExactly(AttributeKey.of("b"), AttributeKey.of("a"));
        assertThat(patch.changes().get(AttributeKey.of("a")).isNull()).isTrue();
    }

    @Test
    void effectiveOn_keepsNewAndChangedValuesAndDeletionsOfExistingKeys() {
        AttributePatch patch = patch("{\"same\":1,\"changed\":2,\"new\":3,\"deleted\":null,\"absent\":null}");

        AttributePatch effective = patch.effectiveOn(Map.of(AttributeKey.of("same"), json("1"),
                AttributeKey.of("changed"), json("1"), AttributeKey.of("deleted"), json("true")));

        assertThat(effective.toJson()).isEqualTo(json("{\"changed\":2,\"new\":3,\"deleted\":null}"));
    }

    @Test
    void invalidKeys_areRejected() {
        assertThatThrownBy(() -> AttributePatch.of((ObjectNode) json("{\"\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributePatch.of((ObjectNode) json("{\"a\\u0000b\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributeKey.of("k".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleting_namesEachKeyWithNull() {
        assertThat(AttributePatch.deleting(List.of(AttributeKey.of("a"))).toJson()).isEqualTo(json("{\"a\":null}"));
    }

    @Test
    void setting_refusesNullValues() {
        assertThatThrownBy(() -> AttributePatch.setting(Map.of(AttributeKey.of("a"), json("null"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
