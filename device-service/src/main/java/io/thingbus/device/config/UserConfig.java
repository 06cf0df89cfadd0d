package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Users. */
@ConfigMapping(prefix = "thingbus.users")
public interface UserConfig {

    /** The plan of a user created without one (env {@code THINGBUS_USERS_DEFAULT_PLAN}). */
    @WithDefault("basic")
    String defaultPlan();
}
