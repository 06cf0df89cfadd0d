package io.thingbus.broker;

import io.thingbus.contracts.TenantId;
import java.security.SecureRandom;

/** A fresh random ThingScale user ({@code U…}) with a fresh random 32-character device token, per test. */
public record TestDevice(TenantId tenant, String token) {

    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TestDevice random() {
        return new TestDevice(TenantId.of("U" + randomText(10)), randomText(32));
    }

    /** A random string of letters and digits. */
    public static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    public String user() {
        return tenant.value();
    }

    /** {@code <token>/json/<deviceId>} */
    public String jsonTopic(String deviceId) {
        return token + "/json/" + deviceId;
    }

    /** The Kafka key of the device's records: {@code <tenant>/<deviceId>}. */
    public String key(String deviceId) {
        return tenant.value() + "/" + deviceId;
    }
}
