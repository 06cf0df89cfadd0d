package io.thingbus.device.config;

import io.smallrye.config.ConfigMapping;

/** The admin API. */
@ConfigMapping(prefix = "thingbus.admin")
public interface AdminConfig {

    /**
     * The key operators send in {@code X-Admin-Key} (env {@code THINGBUS_ADMIN_KEY}). Required, no default: without it
     * start-up stops at once ("thingbus.admin.key is required"); shorter than 16 characters, it stops at the admin
     * key check.
     */
    String key();
}
