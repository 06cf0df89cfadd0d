package io.thingbus.device.domain;

import java.util.Arrays;

/** How a device came into the registry. The wire names are those of {@code DeviceRecord#provisioning}. */
public enum Provisioning {
    /** Created over REST ({@code POST /device/{device_id}}). */
    API("api"),
    /** Registered when its first telemetry arrived. */
    AUTO("auto");

    private final String wireName;

    Provisioning(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException for a name that is not {@code api} or {@code auto} */
    public static Provisioning fromWireName(String name) {
        return Arrays.stream(values())
                .filter(p -> p.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown provisioning: " + name));
    }
}
