package io.thingbus.event.domain;

import java.util.Locale;

/** Where a notification stands: waiting for (another) attempt, delivered, or given up after the last retry. */
public enum NotificationStatus {
    PENDING, SENT, FAILED;

    /** The name on the wire: {@code pending}, {@code sent}, {@code failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this != PENDING;
    }
}
