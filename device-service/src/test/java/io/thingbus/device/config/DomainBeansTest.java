package io.thingbus.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DomainBeansTest {

    private final DomainBeans beans = new DomainBeans();

    @Test
    void missingAdminKey_stopsStartUpNamingTheSettingAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> beans.adminKey(() -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin key is missing")
                .hasMessageContaining("thingbus.admin.key")
                .hasMessageContaining("THINGBUS_ADMIN_KEY");
    }

    @Test
    void shortAdminKey_stopsStartUp() {
        assertThatThrownBy(() -> beans.adminKey(() -> "short"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 16 characters");
    }

    @Test
    void nonPositiveDefaultClaimingDuration_stopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> beans.claiming(null, null, null, () -> Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thingbus.claiming.default-duration")
                .hasMessageContaining("THINGBUS_CLAIMING_DEFAULT_DURATION");
    }

    @Test
    void nonPositiveEndedConnectionRetention_stopsStartUpNamingTheSetting() {
        SubdeviceConfig config = (SubdeviceConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SubdeviceConfig.class}, (proxy, method, args) -> Duration.ZERO);

        assertThatThrownBy(() -> beans.subdevices(null, null, null, config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("thingbus.subdevices.ended-connection-retention")
                .hasMessageContaining("THINGBUS_SUBDEVICES_ENDED_CONNECTION_RETENTION");
    }

    @Test
    void longEnoughAdminKey_isAccepted() {
        assertThat(beans.adminKey(() -> "a-long-enough-admin-key").matches("a-long-enough-admin-key"))
                .isTrue();
    }
}
