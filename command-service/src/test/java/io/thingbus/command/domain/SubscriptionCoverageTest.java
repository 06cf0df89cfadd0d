package io.thingbus.command.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.DeviceId;
import io.thingbus.contracts.DeviceKey;
import io.thingbus.contracts.SecretHash;
import io.thingbus.contracts.TenantId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionCoverageTest {

    private static final SecretHash TOKEN = SecretHash.of("device-token");
    private static final SecretHash OTHER_TOKEN = SecretHash.of("other-token");
    private static final KnownDevice DEVICE = new KnownDevice(
            DeviceKey.of(TenantId.of("Ucover"), DeviceId.of("dev-1")), Optional.of(TOKEN));

    @Test
    void aSessionOfTheDevicesToken_namingTheDevice_receivesItsDownlink() {
        assertThat(SubscriptionCoverage.subscribers(DEVICE, List.of(sub("a", TOKEN, "dev-1")))).isEqualTo(1);
    }

    @Test
    void aSessionOfTheDevicesToken_subscribedToEveryDevice_receivesItsDownlink() {
        assertThat(SubscriptionCoverage.subscribers(DEVICE, List.of(sub("gw", TOKEN, "*")))).isEqualTo(1);
    }

    @Test
    void aSessionOfAnotherToken_receivesNothing_whateverItsFilterNames() {
        assertThat(SubscriptionCoverage.subscribers(DEVICE,
                List.of(sub("x", OTHER_TOKEN, "dev-1"), sub("y", OTHER_TOKEN, "*")))).isZero();
    }

    @Test
    void aSessionWhoseTokenIsUnknown_receivesNothing() {
        assertThat(SubscriptionCoverage.subscribers(DEVICE,
                List.of(new DownlinkSubscription("z", Optional.empty(), "dev-1")))).isZero();
    }

    @Test
    void aFilterForAnotherDevice_doesNotCount() {
        assertThat(SubscriptionCoverage.subscribers(DEVICE, List.of(sub("a", TOKEN, "dev-2")))).isZero();
    }

    @Test
    void aSessionWithSeveralCoveringFilters_countsOnce_andEverySessionCounts() {
        List<DownlinkSubscription> subscriptions = List.of(
                sub("gw", TOKEN, "*"), sub("gw", TOKEN, "dev-1"), sub("dev-1_a", TOKEN, "dev-1"),
                sub("other", OTHER_TOKEN, "dev-1"));

        assertThat(SubscriptionCoverage.subscribers(DEVICE, subscriptions)).isEqualTo(2);
    }

    @Test
    void aDeviceWithoutToken_hasNoSubscribers() {
        KnownDevice withoutToken = new KnownDevice(DEVICE.key(), Optional.empty());

        assertThat(SubscriptionCoverage.subscribers(withoutToken,
                List.of(new DownlinkSubscription("z", Optional.empty(), "dev-1")))).isZero();
    }

    private static DownlinkSubscription sub(String client, SecretHash token, String device) {
        return new DownlinkSubscription(client, Optional.of(token), device);
    }
}
