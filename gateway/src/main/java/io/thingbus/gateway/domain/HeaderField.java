package io.thingbus.gateway.domain;

import java.util.Locale;
import java.util.Objects;

/** One HTTP header line. Names compare case-insensitively ({@link #is}); a name may repeat in a message. */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    String lowerCaseName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
