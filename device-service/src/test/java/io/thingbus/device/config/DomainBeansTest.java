package io.thingbus.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void longEnoughAdminKey_isAccepted() {
        assertThat(beans.adminKey(() -> "a-long-enough-admin-key").matches("a-long-enough-admin-key"))
                .isTrue();
    }
}
