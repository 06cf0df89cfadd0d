package io.thingbus.device.domain;

import io.thingbus.contracts.TenantId;
import java.security.SecureRandom;

/**
 * Makes user ids, API keys and device tokens from a {@link SecureRandom}. Thread-safe (SecureRandom is).
 * User ids look like ThingScale's: {@code U} and 10 lower-case letters or digits (≈ 52 bits).
 * API keys have 40 and device tokens 32 letters or digits (≈ 238 and 190 bits).
 */
public final class SecretGenerator {

    public static final int USER_ID_RANDOM_LENGTH = 10;

    private final SecureRandom random;

    public SecretGenerator(SecureRandom random) {
        this.random = random;
    }

    public TenantId newUserId() {
        return TenantId.of("U" + randomString(Alphanumeric.LOWER_CASE_AND_DIGITS, USER_ID_RANDOM_LENGTH));
    }

    public ApiKey newApiKey() {
        return ApiKey.of(randomString(Alphanumeric.LETTERS_AND_DIGITS, ApiKey.LENGTH));
    }

    public DeviceToken newDeviceToken() {
        return DeviceToken.of(randomString(Alphanumeric.LETTERS_AND_DIGITS, DeviceToken.LENGTH));
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
