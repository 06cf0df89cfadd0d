package io.thingbus.broker.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * This broker-service instance: its id (host name by default) and the CloudEvents source of the records it writes,
 * {@code //thingbus/broker-service/<id>}.
 */
public record BrokerInstance(String id) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,253}");

    /** @throws IllegalArgumentException when {@code id} is not 1–253 letters, digits, {@code . _ -} */
    public BrokerInstance {
        Objects.requireNonNull(id, "id");
        if (!VALID.matcher(id).matches()) {
            throw new IllegalArgumentException("thingbus.broker.instance-id must be 1-253 letters, digits, '.', '_' or '-'"
                    + " but is '" + id + "'");
        }
    }

    public String source() {
        return "//thingbus/broker-service/" + id;
    }
}
