package io.thingbus.stream.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.contracts.ChannelId;
import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChannelTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456789Z");
    private static final Instant T1 = Instant.parse("2026-11-21T11:00:00Z");

    private final Channel channel = Channel.create(TenantId.of("U1a2b3c4d"), ChannelId.of("kitchen"),
            DeviceId.of("dev-1"), Optional.empty(), Optional.of(new Tag("oven")), T0);

    @Test
    void newChannel_isVersion1_namedAfterItsId_withTheDeclaredTag_atMicrosecondPrecision() {
        assertThat(channel.version()).isEqualTo(1);
        assertThat(channel.name()).isEqualTo(new ChannelName("kitchen"));
        assertThat(channel.tags()).containsExactly(new Tag("oven"));
        assertThat(channel.createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123456Z"));
        assertThat(channel.updatedAt()).isEqualTo(channel.createdAt());
    }

    @Test
    void change_makesTheNextVersion_updatedAtTheTimeOfTheChange() {
        Channel renamed = channel.changedBy(new ChannelChange(Optional.of(new ChannelName("Kitchen")),
                Optional.of(DeviceId.of("dev-2")), Optional.of(new Tag("fridge"))), T1);

        assertThat(renamed.version()).isEqualTo(2);
        assertThat(renamed.name().value()).isEqualTo("Kitchen");
        assertThat(renamed.device()).isEqualTo(DeviceId.of("dev-2"));
        assertThat(renamed.tags()).extracting(Tag::value).containsExactly("fridge", "oven");
        assertThat(renamed.createdAt()).isEqualTo(channel.createdAt());
        assertThat(renamed.updatedAt()).isEqualTo(T1);
    }

    @Test
    void changeThatChangesNothing_leavesTheChannelAsItIs() {
        Channel same = channel.changedBy(new ChannelChange(Optional.of(new ChannelName("kitchen")),
                Optional.of(DeviceId.of("dev-1")), Optional.of(new Tag("oven"))), T1);

        assertThat(same).isSameAs(channel);
    }

    @Test
    void withoutTag_dropsTheTag_inTheNextVersion() {
        Channel without = channel.withoutTag(new Tag("oven"), T1);

        assertThat(without.tags()).isEmpty();
        assertThat(without.version()).isEqualTo(2);
    }

    @Test
    void names_areValidated() {
        for (String name : new String[] {"", " ", "a\nb", "x".repeat(129)}) {
            assertThatThrownBy(() -> new ChannelName(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new ChannelName("Küche 1").value()).isEqualTo("Küche 1");
    }

    @Test
    void versionCondition_acceptsAnyOrOnlyTheListedVersions() {
        VersionCondition.any().check(7);
        VersionCondition.oneOf(java.util.Set.of(3L, 7L)).check(7);

        assertThatThrownBy(() -> VersionCondition.oneOf(java.util.Set.of(3L)).check(7))
                .isInstanceOf(VersionMismatchException.class);
        assertThatThrownBy(() -> VersionCondition.oneOf(java.util.Set.of()).check(1))
                .isInstanceOf(VersionMismatchException.class);
    }
}
