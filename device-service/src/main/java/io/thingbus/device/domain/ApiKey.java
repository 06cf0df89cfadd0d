package io.thingbus.device.domain;

import io.thingbus.contracts.SecretHash;

/**
 * A REST API key: exactly {@value #LENGTH} letters or digits. Only its {@link #hash()} is stored; the key is shown
 * once, when it is issued. {@link #toString()} masks it.
 */
public record ApiKey(String value) {

    public static final int LENGTH = 40;

    public ApiKey {
        if (!Alphanumeric.isLettersAndDigits(value, LENGTH)) {
            throw new IllegalArgumentException("an API key is " + LENGTH + " letters or digits");
        }
    }

    public static ApiKey of(String value) {
        return new ApiKey(value);
    }

    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "ApiKey[" + value.substring(0, 4) + "…]";
    }
}
