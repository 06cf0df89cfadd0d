package io.thingbus.broker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.thingbus.contracts.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThingScaleAccessPolicyTest {

    private static final ConnectionIdentity IDENTITY =
            new ConnectionIdentity(TenantId.of("Uab12cd34ef"), DeviceToken.of("MyToken42"));

    private final ThingScaleAccessPolicy policy = new ThingScaleAccessPolicy(new ThingScaleTopicParser());

    @ParameterizedTest
    @ValueSource(strings = {"MyToken42/#", "MyToken42/dev-1/subscribe", "MyToken42/+/subscribe", "MyToken42/json/#"})
    void filtersBelowOwnToken_areAllowed(String filter) {
        assertThat(policy.allowsSubscription(filter, IDENTITY)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "+/#", "MyToken42", "MyToken4/#", "MyToken42x/#", "mytoken42/#", "Other/#",
            "$share/g/MyToken42/#", "$SYS/#", "/MyToken42/#"})
    void otherFilters_areRefused(String filter) {
        assertThat(policy.allowsSubscription(filter, IDENTITY)).isFalse();
    }

    @Test
    void ownTelemetryTopic_mayBePublished() {
        assertThat(policy.refusalForPublish("MyToken42/bin/dev-1/t", IDENTITY)).isEmpty();
    }

    @Test
    void ownDownlinkTopic_mayNotBePublished() {
        assertThat(policy.refusalForPublish("MyToken42/dev-1/subscribe", IDENTITY))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusalReason.TOPIC_NOT_ALLOWED));
    }

    @Test
    void wildcardLevelInPlaceOfToken_isForeign() {
        assertThat(policy.refusalForPublish("+/json/dev-1", IDENTITY))
                .hasValueSatisfying(r -> assertThat(r.reason()).isEqualTo(RefusalReason.FOREIGN_TOKEN));
    }

    @ParameterizedTest
    @CsvSource({
            "MyToken42/dev-1/subscribe, dev-1",
            "MyToken42/dev-1/#, dev-1",
            "MyToken42/dev-1/+, dev-1",
            "MyToken42/dev-1/subscribe/#, dev-1",
            "MyToken42/Device A/subscribe, Device A",
            "MyToken42/#, *",
            "MyToken42/+/subscribe, *",
            "MyToken42/+/#, *",
            "MyToken42/+/+, *",
            "MyToken42/+/subscribe/#, *"})
    void filtersCoveringDownlinkTopics_nameTheDevice_orAllDevices(String filter, String device) {
        assertThat(policy.downlinkDeviceOf(filter, IDENTITY)).contains(device);
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyToken42/json/+", "MyToken42/json/#", "MyToken42/dev-1", "MyToken42/+",
            "MyToken42/dev-1/subscribe/x", "MyToken42/dev-1/other", "MyToken42/+/subscribe/+", "Other/#",
            "Other/dev-1/subscribe", "#"})
    void filtersCoveringNoDownlinkTopicOfTheOwnToken_nameNoDevice(String filter) {
        assertThat(policy.downlinkDeviceOf(filter, IDENTITY)).isEmpty();
    }
}
